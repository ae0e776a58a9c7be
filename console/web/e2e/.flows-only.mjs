import { chromium } from 'playwright-core';
import { CHROMIUM, SHOTS } from './lib.mjs';
import { flowsScenarios } from './flows.mjs';
const started = Date.now();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
let current = null;
try {
  await flowsScenarios(browser, (p) => { current = p; });
  console.log(`[e2e] flows green in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`[e2e] FAILED: ${e.message}`);
  if (current) await current.screenshot({ path: `${SHOTS}failure.png`, fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally { await browser.close(); }
