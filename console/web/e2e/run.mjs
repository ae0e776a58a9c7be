// End-to-end test of the console in a real browser (Debian's Chromium driven by playwright-core)
// against the real suite: Keycloak's sign-in form, the four services, the console. Started by
// ./tribu e2e, which brings the suite up first. One module per screen family; each adds a line below.
//
// Most of a scenario's time is spent waiting for the suite (Kafka round trips, a network action's outcome, a post
// scheduled for the next minute), so two lanes run side by side, each in browser contexts of its own, then the rest
// one after the other. A lane holds what reads or writes nothing another lane counts: the moderation lane writes
// cafe-lumiere's inbox items and its charter (rules matching its own markers), then posts under a tag of its own
// (flows); the publishing lane writes posts, mentions outside the inbox (rss) and listening queries, each under a
// marker of its own, and checks the dashboard's counts as "at least". What compares a count with a service's own (the
// inbox's counts under a filter, the overview's, MCP's dry run leaving an item's version) runs after both lanes.
// TRIBU_E2E_LANES=1 runs the lanes one after the other.
// A failing lane screenshots its page (target/e2e/failure-<lane>.png); the other lane finishes; the exit is non-zero.
import { chromium } from 'playwright-core';
import { CHROMIUM, SHOTS, lane } from './lib.mjs';
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

/** Runs `scenarios(track)` as the lane `name`; on a failure, screenshots the page it was on and rethrows. */
async function inLane(name, scenarios) {
  let current = null;
  const track = (page) => { current = page; };
  const t0 = Date.now();
  try {
    await lane.run(name, () => scenarios(track));
    console.log(`[e2e] ${name} lane: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    if (current) await current.screenshot({ path: `${SHOTS}failure-${name}.png`, fullPage: true }).catch(() => {});
    throw new Error(`${name} lane: ${error.message}`, { cause: error });
  }
}

const moderationLane = async (track) => {
  await inboxScenarios(browser, track);
  await charterScenarios(browser, track);
  await flowsScenarios(browser, track);
};
const publishingLane = async (track) => {
  const calendar = await calendarScenarios(browser, track);
  await dashboardScenarios(browser, track);
  await listeningScenarios(browser, track);
  await calendar.published();
};
const afterLanes = async (track) => {
  await part1Scenarios(browser, track);
  await overviewScenarios(browser, track);
  await mcpScenarios();
};

const failures = [];
const settle = async (...runs) => {
  for (const result of await Promise.allSettled(runs)) if (result.status === 'rejected') failures.push(result.reason);
};
try {
  if (process.env.TRIBU_E2E_LANES === '1') {
    await settle(inLane('moderation', moderationLane));
    if (failures.length === 0) await settle(inLane('publishing', publishingLane));
  } else {
    await settle(inLane('moderation', moderationLane), inLane('publishing', publishingLane));
  }
  if (failures.length === 0) await settle(inLane('after', afterLanes));
} finally {
  await browser.close();
}
if (failures.length === 0) {
  console.log(`[e2e] all green in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  for (const error of failures) console.error(`[e2e] FAILED: ${error.message}`);
  process.exitCode = 1;
}
