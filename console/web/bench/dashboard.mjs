// Benchmark of the analytics dashboard in the browser (figures printed, nothing asserted): from the
// navigation start of a full load of #dashboard/<days> to every section drawn (each card's data in,
// each chart's SVG marks on screen, two animation frames later), over several loads after a warm-up one.
// The brand's data comes from analytics' generator (analytics-service/bench/generate.sh: bench-1m, a
// million mentions over 90 days); the user `bench` of dev/keycloak/tribu-realm.json carries its brand.
// Usage (the suite and a console running):
//   TRIBU_CONSOLE_URL=http://localhost:8080 node bench/dashboard.mjs [brand=bench-1m] [days=90] [loads=7] [user=bench]
import { chromium } from 'playwright-core';
import { loadavg } from 'node:os';
import { CHROMIUM, CONSOLE, signIn } from '../e2e/lib.mjs';

const BRAND = process.argv[2] ?? 'bench-1m';
const DAYS = Number(process.argv[3] ?? 90);
const LOADS = Number(process.argv[4] ?? 7);
const USER = process.argv[5] ?? 'bench';

/** Milliseconds from the navigation start until every card is loaded and every chart has its marks. */
async function drawn(page) {
  await page.goto(`${CONSOLE}/#dashboard/${DAYS}`);
  await page.reload();
  const handle = await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-card]')];
    if (cards.length === 0 || cards.some((c) => c.dataset.ready !== 'true' && !c.querySelector('.problem'))) return false;
    const charts = [...document.querySelectorAll('[data-card] .chart')];
    const marked = charts.every((c) => c.querySelector('.recharts-bar-rectangle, .recharts-line-curve, .heatmap td'));
    if (!marked) return false;
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({
      at: performance.now(), cards: cards.length, charts: charts.length, failed: document.querySelectorAll('[data-card] .problem').length,
    }))));
  }, undefined, { timeout: 60_000, polling: 'raf' });
  return handle.jsonValue();
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`
    + ` (${values.map((v) => v.toFixed(0)).join(', ')})`;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const { page } = await signIn(browser, USER);
  await page.evaluate((brand) => localStorage.setItem('tribu.brand', brand), BRAND);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const warm = await drawn(page);
  console.log(`[bench] ${BRAND}, last ${DAYS} days: ${warm.cards} sections, ${warm.charts} charts, ${warm.failed} failed;`
    + ` warm-up load ${warm.at.toFixed(0)} ms (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const run = await drawn(page);
    if (run.failed > 0) console.log(`[bench] load ${i + 1}: ${run.failed} sections failed`);
    times.push(run.at);
  }
  console.log(`[bench] dashboard fully drawn (navigation start → every chart drawn), ${LOADS} loads: ${stats(times)}`);
  // Where the last load's time went: each analytics call, navigation start to its last byte.
  const calls = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => r.name.includes('/api/analytics/'))
    .map((r) => ({ what: new URL(r.name).pathname.replace(/^.*\/brands\/[^/]+\//, ''), start: r.startTime, end: r.responseEnd })));
  const script = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => /Dashboard-.*\.js$/.test(r.name)).map((r) => r.responseEnd)[0]);
  console.log(`[bench] last load: the dashboard's script in at ${script?.toFixed(0) ?? '(cached)'} ms; analytics calls (start → end, ms):`);
  for (const c of calls.sort((a, b) => b.end - a.end)) console.log(`  ${c.what.padEnd(28)} ${c.start.toFixed(0)} → ${c.end.toFixed(0)}`);
  await page.screenshot({ path: new URL('../../target/e2e/dashboard-bench.png', import.meta.url).pathname });
  console.log(`[bench] load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
}
