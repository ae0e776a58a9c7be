// Benchmark of the inbox in the browser (figures printed, nothing asserted): the first render of the
// inbox, and scrolling through every item of a 10,000-item inbox, with the long tasks (> 50 ms) the
// browser reports (PerformanceObserver 'longtask'). Items are seeded through listening's API, like
// any heard comment, on one brand (default velo-vert), once: each has an externalId, so a second run
// adds nothing. Usage (the suite and a console running):
//   TRIBU_CONSOLE_URL=http://localhost:8080 node bench/inbox.mjs [items=10000] [brand=velo-vert] [renders=5]
import { chromium } from 'playwright-core';
import { CHROMIUM, LISTENING, MODERATION, check, signIn, token } from '../e2e/lib.mjs';

const ITEMS = Number(process.argv[2] ?? 10_000);
const BRAND = process.argv[3] ?? 'velo-vert';
const RENDERS = Number(process.argv[4] ?? 5);
const PARALLEL = 16;

async function inboxSize(bearer) {
  const counts = await (await fetch(`${MODERATION}/brands/${BRAND}/inbox/counts`, { headers: bearer })).json();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

async function seed() {
  const bearer = { Authorization: `Bearer ${await token('camille')}` };
  const before = await inboxSize(bearer);
  if (before >= ITEMS) return console.log(`[bench] ${BRAND}'s inbox already holds ${before} items`);
  const t0 = Date.now();
  let next = 0;
  const publishedAt = (i) => new Date(Date.now() - 3_600_000 - i * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < ITEMS) {
      const i = next++;
      const response = await fetch(`${LISTENING}/brands/${BRAND}/mentions`, {
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          source: 'mastodon', kind: 'comment', ownedChannel: true, externalId: `bench-inbox-${i}`,
          author: `@reader${i % 500}@mastodon.example`, url: `https://mastodon.example/@bench/${i}`,
          text: `Bench comment ${i}: is the new ${i % 2 ? 'saddle' : 'frame'} available in ${i % 3 ? 'blue' : 'red'}? ` +
            'Asking before the weekend ride, thanks for the quick answer last time.',
          publishedAt: publishedAt(i),
        }),
      });
      check(response.status === 201 || response.status === 200, `listening: ${response.status} ${await response.text()}`);
    }
  }));
  console.log(`[bench] ${ITEMS} comments posted to listening in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (let size = await inboxSize(bearer); size < ITEMS; size = await inboxSize(bearer)) {
    process.stdout.write(`\r[bench] inbox: ${size} items`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  console.log(`\n[bench] ${BRAND}'s inbox holds ${await inboxSize(bearer)} items, ${((Date.now() - t0) / 1000).toFixed(1)} s after the first post`);
}

// Installed before the page's own scripts: the long tasks, and when the first row of the list appears.
const PROBE = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (document.querySelector('[data-testid=item-text]')) window.__firstRow = performance.now();
    else requestAnimationFrame(seen);
  };
  requestAnimationFrame(seen);
};

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`;
};

await seed();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const { context, page } = await signIn(browser, 'camille');
  await page.selectOption('[data-testid=brand-switcher]', BRAND);
  await page.waitForSelector('[data-testid=item-text]');
  await page.evaluate(() => window.history.replaceState(null, '', '/#inbox'));
  await page.addInitScript(PROBE);

  // First render: navigation start to the first row of the list on screen (the page, /api/me, the
  // brand's time zone, the counts and the first page of 50 through the console), after a warm-up load.
  const renders = [];
  for (let i = 0; i <= RENDERS; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__firstRow !== undefined, null, { timeout: 30_000 });
    if (i > 0) renders.push(await page.evaluate(() => window.__firstRow));
  }
  console.log(`[bench] inbox first render (navigation start → first row): ${stats(renders)}`);
  const renderLongTasks = await page.evaluate(() => window.__longTasks.map((t) => t.duration));
  console.log(`[bench] long tasks during the last load: ${renderLongTasks.length}` +
    (renderLongTasks.length ? `, longest ${Math.max(...renderLongTasks).toFixed(0)} ms` : ''));

  // Control: the same page, not scrolled, for 20 s. Long tasks here are the machine's (a main thread
  // waiting for a core), not the list's.
  const idle = await page.evaluate(async () => {
    window.__longTasks = [];
    const started = performance.now();
    while (performance.now() - started < 20_000) await new Promise((resolve) => requestAnimationFrame(resolve));
    return window.__longTasks.map((t) => t.duration);
  });
  console.log(`[bench] control, 20 s on the inbox without scrolling: ${idle.length} long tasks (> 50 ms)` +
    (idle.length ? `, longest ${Math.max(...idle).toFixed(0)} ms, over 100 ms: ${idle.filter((d) => d > 100).length}` : ''));

  // Scrolling: the list's scroller moves 400 px per frame (about 5 rows) to the end; pages of 200
  // load as it nears the end of what is loaded, until every item is there and the end is reached.
  const scroll = await page.evaluate(async (expected) => {
    const scroller = document.querySelector('[data-testid=inbox-scroller]');
    window.__longTasks = [];
    const started = performance.now();
    let frames = 0;
    let slowFrames = 0;
    let last = started;
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames++;
      if (now - last > 50) slowFrames++;
      last = now;
      scroller.scrollTop += 400;
      const rows = Number(scroller.querySelector('li:last-child')?.getAttribute('aria-posinset') ?? 0);
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (atEnd && rows >= expected) break;
      if (now - started > 300_000) throw new Error(`stuck at row ${rows}`);
    }
    const firstPass = performance.now() - started;
    const firstTasks = window.__longTasks.map((t) => t.duration);
    // Second pass, everything loaded: back to the top as fast, pure rendering.
    window.__longTasks = [];
    const back = performance.now();
    let backFrames = 0;
    while (scroller.scrollTop > 0) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      scroller.scrollTop -= 400;
      backFrames++;
    }
    return {
      firstPass, frames, slowFrames, firstTasks,
      backPass: performance.now() - back, backFrames, backTasks: window.__longTasks.map((t) => t.duration),
      rows: scroller.querySelectorAll('li').length,
    };
  }, ITEMS);
  const describe = (tasks) => `${tasks.length} long tasks (> 50 ms)` +
    (tasks.length ? `, longest ${Math.max(...tasks).toFixed(0)} ms, over 100 ms: ${tasks.filter((d) => d > 100).length}` : '');
  console.log(`[bench] scroll to item ${ITEMS}, loading pages of 200 on the way: ${(scroll.firstPass / 1000).toFixed(1)} s, ` +
    `${scroll.frames} frames (${scroll.slowFrames} over 50 ms); ${describe(scroll.firstTasks)}`);
  console.log(`[bench] scroll back to the top, all loaded: ${(scroll.backPass / 1000).toFixed(1)} s, ${scroll.backFrames} frames; ` +
    `${describe(scroll.backTasks)}; rows in the DOM: ${scroll.rows}`);
  await context.close();
} finally {
  await browser.close();
}
