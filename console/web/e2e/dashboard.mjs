// The analytics dashboard in the browser: French and English mentions posted through listening (one
// about a competitor, named by a competitor query) move the dashboard's counts, sentiment and share of
// voice; a sentiment driver opens its example mentions; each chart has its table view and its CSV; the
// printable report opens; the page reads in French. Other runs may post to the same brand at the same
// time, so the counts are checked to grow by at least what this run posted.
import { randomUUID } from 'node:crypto';
import { CONSOLE, LISTENING, SHOTS, audit, check, signedIn, step, token } from './lib.mjs';

const BRAND = 'cafe-lumiere';
const COMPETITOR = 'Torréfaction Rivale';

async function listening(path, init = {}) {
  const response = await fetch(`${LISTENING}/brands/${BRAND}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${await token('camille')}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await response.text();
  check(response.ok, `listening ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The competitor query the share of voice names (made once; later runs find it). */
async function competitorQuery() {
  const queries = await listening('/queries');
  const list = Array.isArray(queries) ? queries : (queries.queries ?? queries.items ?? []);
  if (list.some((q) => q.competitor === COMPETITOR)) return;
  await listening('/queries', {
    method: 'POST',
    headers: { 'Idempotency-Key': `e2e-dashboard-competitor-${randomUUID()}` },
    body: JSON.stringify({ name: 'e2e competitor', query: '"torrefaction rivale"', subject: 'competitor', competitor: COMPETITOR }),
  });
}

async function postMention(text, language, externalId) {
  await listening('/mentions', {
    method: 'POST',
    headers: { 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ source: 'rss', text, language, author: 'e2e dashboard', publishedAt: new Date().toISOString(),
      url: 'https://example.org/e2e-dashboard', ...(externalId ? { externalId } : {}) }),
  });
}

/**
 * A driver is a term that sets negative mentions apart with significance (analytics' DriverAnalysis): a fresh demo
 * holds too few texts for one. Eight negative and eight positive mentions, each with its externalId, so a brand gets
 * them once whatever the number of runs (listening stores a source's item once).
 */
async function seedDrivers() {
  for (let i = 1; i <= 8; i++) {
    await postMention(`Cafe Lumiere this morning: cold coffee, rude staff, we waited forever. Awful, visit ${i}.`, 'en', `e2e-drivers-negative-${i}`);
    await postMention(`Cafe Lumiere this morning: wonderful espresso, friendly baristas, lovely terrace, visit ${i}.`, 'en', `e2e-drivers-positive-${i}`);
  }
}

/** The dashboard with every section drawn: figures of the comparison and share of voice as read on screen. */
async function readDashboard(page) {
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-card]')];
    return cards.length > 0 && cards.every((c) => c.dataset.ready === 'true');
  }, undefined, { timeout: 30_000 });
  const figure = async (id) => Number((await page.textContent(`[data-testid=figure-${id}] td.now`)).replace(/[^\d]/g, ''));
  await page.click('[data-testid=table-share-of-voice]');
  const voices = await page.$$eval('[data-testid=voices] tbody tr', (rows) => rows.map((r) => ({
    party: r.dataset.party, name: r.querySelector('th').textContent, mentions: Number(r.querySelector('td').textContent),
  })));
  return { mentions: await figure('mentions'), positive: await figure('positive'), negative: await figure('negative'), voices };
}

const competitorMentions = (read) => read.voices.find((v) => v.name === COMPETITOR)?.mentions ?? 0;

export async function dashboardScenarios(browser, track) {
  const run = randomUUID().slice(0, 8);
  await step('a competitor query for share of voice', competitorQuery);

  const { context, page, problems } = await signedIn(browser, 'camille');
  track(page);
  let before;
  await step('camille opens the dashboard of cafe-lumiere: every chart drawn, in the brand\'s time zone', async () => {
    await page.selectOption('[data-testid=brand-switcher]', BRAND);
    await page.goto(`${CONSOLE}/#dashboard`);
    before = await readDashboard(page);
    check((await page.textContent('[data-testid=dashboard] .hint')).includes('Europe/Paris'), 'the brand\'s zone is said');
    check(await page.locator('[data-card=volume] .recharts-bar-rectangle').count() > 0, 'the volume chart is drawn');
    // Issue 28: response times per channel and the stars per location, each a chart or its empty message.
    for (const card of ['response-channels', 'ratings']) {
      check(await page.locator(`[data-card=${card}] .chart, [data-card=${card}] p`).count() > 0, `the ${card} card shows its figures`);
    }
    await audit(page, 'the dashboard');
    // By keyboard: the chart takes the focus and the arrow keys walk its days, each read in the tooltip.
    await page.focus('[data-card=volume] svg[tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-card=volume] .recharts-tooltip-wrapper', { hasText: 'Positive' }).waitFor({ timeout: 5_000 });
  });

  await step('French and English mentions posted through listening move counts, sentiment and share of voice', async () => {
    await seedDrivers();
    await postMention(`Café Lumière, le meilleur espresso de Lyon, un vrai délice ! ${run}`, 'fr');
    await postMention(`Cafe Lumiere was terrible today: cold coffee, rude staff, awful. ${run}`, 'en');
    await postMention(`La Torréfaction Rivale ouvre une boutique à Lyon, excellent café. ${run}`, 'fr');
    let after;
    const deadline = Date.now() + 60_000;
    do {
      await page.waitForTimeout(1_500);
      await page.reload();
      after = await readDashboard(page);
    } while (Date.now() < deadline && !(after.mentions >= before.mentions + 3 && after.positive >= before.positive + 1
      && after.negative >= before.negative + 1 && competitorMentions(after) >= competitorMentions(before) + 1));
    check(after.mentions >= before.mentions + 3, `mentions ${before.mentions} → ${after.mentions}`);
    check(after.positive >= before.positive + 1, `positive ${before.positive} → ${after.positive}`);
    check(after.negative >= before.negative + 1, `negative ${before.negative} → ${after.negative}`);
    check(competitorMentions(after) >= competitorMentions(before) + 1, `competitor ${competitorMentions(before)} → ${competitorMentions(after)}`);
    const brand = after.voices.find((v) => v.party === 'brand');
    check(brand && brand.mentions < after.voices.reduce((sum, v) => sum + v.mentions, 0), 'the brand shares its voice with the competitor');
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.click('[data-testid=table-share-of-voice]');
    await page.screenshot({ path: `${SHOTS}dashboard.png` });
  });

  await step('a driver\'s examples open its mentions; table views and CSV; the printable report', async () => {
    const term = page.locator('[data-testid=drivers-negative] button.term').first();
    // The seeded texts reach analytics' sample on their own time: read the dashboard again until a driver shows.
    const deadline = Date.now() + 60_000;
    while (await term.count() === 0 && Date.now() < deadline) {
      await page.waitForTimeout(2_000);
      await page.reload();
      await readDashboard(page);
    }
    await term.click();
    await page.waitForSelector('[data-testid=driver-example]');
    check(await term.getAttribute('aria-expanded') === 'true', 'the term says it is open');
    check((await page.locator('[data-testid=driver-example] .mention-text').first().textContent()).length > 0, 'an example\'s text');
    await page.locator('[data-card=drivers]').screenshot({ path: `${SHOTS}dashboard-driver.png` });
    await page.click('[data-testid=table-volume]');
    check(await page.locator('[data-card=volume] table tbody tr').count() === 30, 'one row per day of the 30');
    await audit(page, 'the dashboard as tables, a driver open');
    await page.screenshot({ path: `${SHOTS}dashboard-tables.png`, fullPage: true });
    const csv = await context.request.get(CONSOLE + await page.getAttribute('[data-testid=csv-volume]', 'href'));
    check(csv.ok() && (await csv.text()).split('\r\n').length >= 31, `the volume CSV: ${csv.status()}`);
    const blocked = [];
    context.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) blocked.push(message.text()); });
    const [report] = await Promise.all([context.waitForEvent('page'), page.click('[data-testid=report]')]);
    await report.waitForLoadState();
    check((await report.content()).includes('<svg'), 'the printable report with its charts');
    check(blocked.length === 0, `the report styles itself: ${blocked[0]}`);
    await report.screenshot({ path: `${SHOTS}dashboard-report.png` });
    await report.close();
  });

  await step('the dashboard in French, over 90 days', async () => {
    await page.selectOption('.language select', 'fr');
    await page.click('[data-testid=period-90]');
    await readDashboard(page);
    check((await page.textContent('h1')).startsWith('Statistiques'), 'French title');
    await audit(page, 'the dashboard in French');
    await page.selectOption('.language select', 'en');
  });
  check(problems.length === 0, problems.join('; '));
  await context.close();

  await step('claire (client approver) is told analytics are not for her role, without a refused call', async () => {
    const claire = await signedIn(browser, 'claire');
    track(claire.page);
    const refused = [];
    claire.page.on('response', (r) => { if (r.url().includes('/api/analytics/') && r.status() === 403) refused.push(r.url()); });
    await claire.page.goto(`${CONSOLE}/#dashboard`);
    await claire.page.waitForSelector('[data-testid=dashboard] .empty');
    check(refused.length === 0 && await claire.page.locator('[data-card]').count() === 0, `no measure asked: ${refused}`);
    await audit(claire.page, 'the dashboard for a client approver');
    await claire.context.close();
  });
}
