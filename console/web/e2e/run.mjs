// End-to-end test of the console in a real browser (Debian's Chromium driven by playwright-core)
// against the real suite: Keycloak's sign-in form, the four services, the console. Started by
// ./tribu e2e, which brings the suite up first. Exits non-zero on the first failure, with a
// screenshot of the page in target/e2e/. One module per screen family; each adds a line below.
import { chromium } from 'playwright-core';
import { CHROMIUM, SHOTS } from './lib.mjs';
import { inboxScenarios } from './inbox.mjs';
import { calendarScenarios } from './calendar.mjs';
import { dashboardScenarios } from './dashboard.mjs';
import { listeningScenarios } from './listening.mjs';
import { charterScenarios } from './charter.mjs';
import { part1Scenarios } from './part1.mjs';
import { overviewScenarios } from './overview.mjs';
import { mcpScenarios } from './mcp.mjs';
import { flowsScenarios } from './flows.mjs';

const started = Date.now();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let current = null;
try {
  await inboxScenarios(browser, (page) => { current = page; });
  await calendarScenarios(browser, (page) => { current = page; });
  await dashboardScenarios(browser, (page) => { current = page; });
  await listeningScenarios(browser, (page) => { current = page; });
  await charterScenarios(browser, (page) => { current = page; });
  await part1Scenarios(browser, (page) => { current = page; });
  await overviewScenarios(browser, (page) => { current = page; });
  await mcpScenarios();
  await flowsScenarios(browser, (page) => { current = page; });
  console.log(`[e2e] all green in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[e2e] FAILED: ${error.message}`);
  if (current) await current.screenshot({ path: `${SHOTS}failure.png`, fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
