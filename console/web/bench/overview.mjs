// Benchmark of the agency overview in the browser (figures printed, nothing asserted): from the start of a page
// load on #overview to the table drawn with all three sources answered, `runs` times after a warm-up.
// Usage (the suite and a console running):
//   TRIBU_CONSOLE_URL=http://localhost:8085 node bench/overview.mjs [brands=50] [runs=10] [serverMs=0] [user=alice]
// With brands > 0 the three agency calls are answered in the browser (Playwright's routing) with that many
// synthetic brands after serverMs: the services list only the brands of the caller's token, and no user of the dev
// realm holds 50, so this measures what the page does with 50 rows (the services' own times for 50 brands are in
// their benchmarks). With brands = 0 the real services answer for the user's brands: `bench` (dev realm) holds the 50
// brands of analytics' generator (analytics-service/bench/generate.sh), so `0 10 0 bench` is the real 50-brand case.
import { chromium } from 'playwright-core';
import { CHROMIUM, signIn } from '../e2e/lib.mjs';

const BRANDS = Number(process.argv[2] ?? 50);
const RUNS = Number(process.argv[3] ?? 10);
const SERVER_MS = Number(process.argv[4] ?? 0);
const USER = process.argv[5] ?? 'alice';

const ids = Array.from({ length: BRANDS }, (_, i) => `bench-brand-${String(i + 1).padStart(2, '0')}`);
const now = Date.now();
const answers = {
  'inbox-summary': { brands: ids.map((brandId, i) => ({ brandId, newItems: (i * 7) % 40, openItems: (i * 11) % 60, slaBreaches: i % 5 === 0 ? i % 9 : 0 })) },
  'posts-summary': { at: new Date(now).toISOString(), brands: ids.map((brandId, i) => ({ brandId, awaitingApproval: i % 4, oldestAwaitingSince: null, failedDeliveries: i % 13 === 0 ? 1 : 0, lastFailedAt: null })) },
  overview: { tenant: 'soleil', brands: ids.map((brandId, i) => ({
    brandId, name: `Bench ${i + 1}`, mentions: 1000 + i * 37, previousMentions: 900 + i * 31, negative: 100 + i, scored: 900, negativeShare: 0.12, alarm: i % 10 === 3,
    anomalies: i % 10 === 3 ? [{ kind: 'negative-share', start: new Date(now - 5_400_000).toISOString(), end: null, peak: null, mentions: 80, ongoing: true }] : [],
  })) },
};

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const { page } = await signIn(browser, USER);
  if (BRANDS > 0) {
    await page.route(/\/api\/(moderation|publishing|analytics)\/agency\/(inbox-summary|posts-summary|overview)/, async (route) => {
      const name = route.request().url().match(/agency\/([a-z-]+)/)[1];
      if (SERVER_MS) await new Promise((resolve) => setTimeout(resolve, SERVER_MS));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answers[name]) });
    });
  }
  const times = [];
  const breakdown = [];
  for (let run = -1; run < RUNS; run++) {
    // A whole page load each time (navigation start = 0): the shell, /api/me, the screen's chunk, the three calls.
    await page.goto(`${page.url().split('#')[0]}#overview`);
    await page.reload();
    // Checked in the page at every frame: the first frame where the table holds its rows.
    const drawn = await (await page.waitForFunction(() => (document.querySelector('[data-testid=overview][data-ready=true] [data-testid=overview-table] tbody tr')
      ? performance.now() : false), null, { polling: 'raf', timeout: 30_000 })).jsonValue();
    const rows = await page.locator('[data-testid=overview-table] tbody tr').count();
    if (run >= 0) times.push(drawn);
    const parts = await page.evaluate(() => {
      const end = (part) => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).map((e) => e.responseEnd));
      return { me: end('/api/me'), chunk: end('AgencyOverview'), calls: end('/agency/') };
    });
    if (run >= 0) breakdown.push(parts);
    if (run === 0) console.log(`[bench] ${rows} rows`);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
  console.log(`[bench] overview drawn (page load → the first frame with every row), ${RUNS} runs: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
  const median = (key) => breakdown.map((b) => b[key]).sort((a, b) => a - b)[Math.floor(breakdown.length / 2)].toFixed(0);
  console.log(`[bench] medians since navigation start: /api/me answered ${median('me')} ms, the screen's chunk ${median('chunk')} ms, the three calls ${median('calls')} ms`);
} finally {
  await browser.close();
}
