// What the console's forwarding adds to an API call: the same GET, N times, straight to the service with a
// bearer token and through the console with the session cookie, from the same HTTP client, interleaved so
// that the machine's load falls on both alike. Prints p50/p95/p99 of each and of the difference; asserts
// nothing. Usage (from console/web, the suite running): node bench/forward.mjs [calls] [path]
import { chromium } from 'playwright-core';
import { CHROMIUM, CONSOLE, MODERATION, signIn, token } from '../e2e/lib.mjs';

const calls = Number(process.argv[2] ?? 500);
const path = process.argv[3] ?? '/brands/cafe-lumiere/inbox?limit=20';

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const { context } = await signIn(browser, 'camille');
  const bearer = { Authorization: `Bearer ${await token('camille')}` };
  const viaConsole = { 'X-Requested-With': 'JavaScript' };
  const timed = async (url, headers) => {
    const t0 = process.hrtime.bigint();
    const response = await context.request.get(url, { headers });
    await response.body();
    if (!response.ok()) throw new Error(`${url}: ${response.status()}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let i = 0; i < 200; i++) { // warm-up: JIT, connection pools, token caches
    await timed(`${MODERATION}${path}`, bearer);
    await timed(`${CONSOLE}/api/moderation${path}`, viaConsole);
  }
  const direct = [];
  const forwarded = [];
  for (let i = 0; i < calls; i++) {
    direct.push(await timed(`${MODERATION}${path}`, bearer));
    forwarded.push(await timed(`${CONSOLE}/api/moderation${path}`, viaConsole));
    if ((i + 1) % 100 === 0) console.log(`[bench] ${i + 1}/${calls} calls each way`);
  }
  const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const row = (name, xs) => console.log(`${name.padEnd(22)} p50 ${q(xs, 0.5).toFixed(2)} ms  p95 ${q(xs, 0.95).toFixed(2)} ms  p99 ${q(xs, 0.99).toFixed(2)} ms`);
  console.log(`GET ${path}, ${calls} calls each way`);
  row('straight to moderation', direct);
  row('through the console', forwarded);
  console.log(`added by the console: p50 ${(q(forwarded, 0.5) - q(direct, 0.5)).toFixed(2)} ms, p95 ${(q(forwarded, 0.95) - q(direct, 0.95)).toFixed(2)} ms`);
  await context.close();
} finally {
  await browser.close();
}
