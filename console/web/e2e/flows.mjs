// Issue 25 in the console: bulk posts, recurring posts, client approval links.
// camille imports a 3-row CSV whose second row is wrong (refused at its field, nothing imported), fixes it, imports it,
// and exports the period as CSV; she repeats an approved post every week and sees its occurrences in the calendar,
// skips one; she shares a post in review for approval; the client opens the link in a fresh browser without signing in
// (French), requests changes with a comment, which camille reads in the post's history; the revoked link then shows
// the "no longer valid" page, and an altered one the "does not exist" page.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CONSOLE, PUBLISHING, SHOTS, audit, check, signedIn, step, token } from './lib.mjs';

const ZONE = 'Europe/Paris';
const localDate = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);
const dayAfter = (days) => localDate(new Date(Date.now() + days * 86_400_000));

async function publishing(user, path, init = {}) {
  const response = await fetch(`${PUBLISHING}/brands/cafe-lumiere${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A post by camille, submitted for review; approved by alice when asked (four eyes: never by its writer). */
async function postInReview(title, plannedAt, approved = false) {
  const created = await publishing('camille', '/posts', {
    method: 'POST',
    body: JSON.stringify({ title, plannedAt, tags: ['e2e'], variants: [{ network: 'mastodon', text: `${title} : croissant offert ce matin.` }] }),
  });
  check(created.status === 201, `post created: ${JSON.stringify(created.body)}`);
  const id = created.body.id;
  check((await publishing('camille', `/posts/${id}/transitions`, { method: 'POST', body: '{"action":"submit"}' })).status === 200, 'submitted');
  if (approved) {
    check((await publishing('alice', `/posts/${id}/transitions`, { method: 'POST', body: '{"action":"approve"}' })).status === 200, 'approved');
  }
  return id;
}

/** Opens the calendar afresh on the month of the post's planned day, then the post's panel. */
async function openInCalendar(page, postId, plannedDay) {
  await page.goto(`${CONSOLE}/#calendar`);
  await page.reload();
  await page.waitForSelector('[data-testid=month]');
  if (plannedDay.slice(0, 7) !== dayAfter(0).slice(0, 7)) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.click(`[data-testid=post-chip][data-post="${postId}"] .chip-open`, { timeout: 15_000 });
  await page.waitForSelector('[data-testid=post-panel]');
}

export async function flowsScenarios(browser, track) {
  const tag = `e2e-${randomUUID().slice(0, 8)}`;
  const rows = [1, 2, 3].map((n) => `${tag} import ${n}`);
  const planned = (days) => `${dayAfter(days)}T08:00:00Z`;
  let camille;

  await step('camille imports a CSV with one bad row: refused at its field, nothing imported; fixed, all three are', async () => {
    camille = await signedIn(browser, 'camille');
    const { page } = camille;
    track(page);
    await page.goto(`${CONSOLE}/#calendar`);
    await page.waitForSelector('[data-testid=month]');
    await page.click('[data-testid=import-open]');
    const csv = (second) => `title,plannedAt,mastodon\n${rows[0]},${planned(2)},Premier\n${rows[1]},${second},"Deuxième, avec une virgule"\n${rows[2]},${planned(4)},Troisième\n`;
    await page.setInputFiles('[data-testid=import-file]', { name: 'drafts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('demain matin')) });
    await page.click('[data-testid=import-send]');
    const violation = page.locator('[data-testid=import-violation]');
    await violation.first().waitFor({ timeout: 15_000 });
    check(await violation.count() === 1, `one violation: ${await page.textContent('[data-testid=import-report]')}`);
    check(await violation.getAttribute('data-row') === '2' && await violation.getAttribute('data-field') === 'plannedAt',
      `refused at row 2, plannedAt: ${await violation.textContent()}`);
    check((await page.textContent('[data-testid=import-report]')).includes('Nothing was imported.'), 'the page says nothing was imported');
    const exported = await publishing('camille', `/posts/export?from=${dayAfter(0)}T00:00:00Z&to=${dayAfter(8)}T00:00:00Z&format=json`);
    check(!JSON.stringify(exported.body).includes(tag), 'no row of the refused file was stored');
    await audit(page, 'calendar, import refused');
    await page.locator('[data-testid=import-panel]').screenshot({ path: `${SHOTS}import-refused.png` });
    await page.setInputFiles('[data-testid=import-file]', { name: 'drafts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(planned(3))) });
    await page.click('[data-testid=import-send]');
    await page.waitForSelector('[data-testid=import-done]', { timeout: 15_000 });
    check((await page.textContent('[data-testid=import-done]')) === '3 drafts imported.', await page.textContent('[data-testid=import-done]'));
  });

  await step('camille exports the days of the imported posts as CSV', async () => {
    const { page } = camille;
    await page.click('[data-testid=export-open]');
    await page.fill('[data-testid=export-from]', dayAfter(0));
    await page.fill('[data-testid=export-to]', dayAfter(7));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-send]')]);
    check(download.suggestedFilename() === `cafe-lumiere-calendar-${dayAfter(0)}-${dayAfter(7)}.csv`, download.suggestedFilename());
    const text = await readFile(await download.path(), 'utf8');
    check(text.startsWith('id,') || text.includes('title'), `a CSV with its header: ${text.slice(0, 80)}`);
    for (const title of rows) check(text.includes(title), `${title} in the export`);
    check(text.includes('"Deuxième, avec une virgule"'), 'quoted as RFC 4180 says');
    await audit(page, 'calendar, export');
  });

  await step('camille repeats an approved post every week, sees its occurrences in the calendar and skips one', async () => {
    const { page } = camille;
    const title = `${tag} weekly`;
    const id = await postInReview(title, planned(1), true);
    await openInCalendar(page, id, dayAfter(1));
    await page.click('[data-testid=repeat-open]');
    await page.fill('[data-testid=repeat-end]', dayAfter(22));
    await audit(page, 'post panel, repeat rule');
    await page.click('[data-testid=repeat-save]');
    await page.locator('[data-testid=series]', { hasText: 'every week on' }).waitFor({ timeout: 15_000 });
    const series = (await publishing('camille', '/recurrences')).body.filter((s) => s.postId === id);
    check(series.length === 1 && series[0].repeat === 'weekly' && series[0].endDate === dayAfter(22), `the series: ${JSON.stringify(series)}`);
    const occurrence = page.locator(`[data-testid=occurrence][data-state=upcoming]:has-text("${title}")`);
    await occurrence.first().waitFor({ timeout: 15_000 });
    await page.locator('[data-testid=post-panel]').getByRole('button', { name: 'Close' }).click();
    // The week of the second occurrence: the series' dashed chips among that week's posts.
    await page.locator('.week-row', { has: page.locator(`[data-testid=occurrence][data-date="${dayAfter(8)}"]`) })
      .screenshot({ path: `${SHOTS}recurrence.png` });
    const date = await occurrence.last().getAttribute('data-date');
    await occurrence.last().locator('.chip-open').click();
    await page.waitForSelector('[data-testid=occurrence-panel]');
    await audit(page, 'calendar, occurrence');
    await page.click('[data-testid=occurrence-skip]');
    await page.waitForFunction(() => document.querySelector('[data-testid=occurrence-state]')?.textContent === 'Skipped');
    const occurrences = (await publishing('camille', `/recurrences/${series[0].id}/occurrences?from=${date}&to=${date}`)).body;
    check(occurrences[0]?.state === 'skipped', `skipped in publishing: ${JSON.stringify(occurrences)}`);
  });

  await step('camille shares a post for approval; the link is shown once, copied; the list shows it active', async () => {
    const { page, context } = camille;
    const title = `${tag} à valider`;
    const id = await postInReview(title, planned(2));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CONSOLE });
    await page.goto(`${CONSOLE}/#approvals`);
    await page.locator('[data-testid=awaiting]', { hasText: title }).waitFor({ timeout: 15_000 });
    await page.locator('li', { hasText: title }).locator('[data-testid=share-select]').check();
    await page.fill('[data-testid=share-days]', '3');
    await page.click('[data-testid=share-create]');
    const url = await page.inputValue('[data-testid=share-url]', { timeout: 15_000 });
    check(url.startsWith(`${CONSOLE}/approve.html#`), `the client's link: ${url}`);
    await page.click('[data-testid=share-copy]');
    await page.waitForFunction(() => document.querySelector('[data-testid=share-copy]')?.textContent === 'Copied');
    check(await page.evaluate(() => navigator.clipboard.readText()) === url, 'the link is on the clipboard');
    const row = page.locator('[data-testid=link]', { hasText: title });
    check(await row.getAttribute('data-state') === 'active', 'listed, active');
    await audit(page, 'approvals, share');
    await page.locator('[data-testid=share]').screenshot({ path: `${SHOTS}share-link.png` });

    // The client: a browser that never signed in, in French.
    const client = await browser.newContext({ locale: 'fr-FR' });
    const clientPage = await client.newPage();
    track(clientPage);
    const problems = [];
    clientPage.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) problems.push(m.text()); });
    clientPage.on('pageerror', (e) => problems.push(e.message));
    await clientPage.goto(url);
    const post = clientPage.locator(`[data-testid=client-post][data-post="${id}"]`);
    await post.waitFor({ timeout: 15_000 });
    check(new URL(clientPage.url()).pathname === '/approve.html', `no sign-in on the way: ${clientPage.url()}`);
    check((await clientPage.textContent('h1')) === 'Publications à relire', 'in French');
    check((await post.textContent()).includes(`${title} : croissant offert ce matin.`), 'the variant is readable');
    await post.locator('[data-testid=client-request-changes]').click();
    check((await post.locator('[data-testid=client-note]').textContent()).startsWith('Écrivez ce qui doit changer'), 'a change request needs a comment');
    await audit(clientPage, 'client approval page');
    await clientPage.screenshot({ path: `${SHOTS}client-approval.png` });
    const comment = `${tag} : plutôt « pain au chocolat »`;
    await post.locator('[data-testid=client-comment]').fill(comment);
    await post.locator('[data-testid=client-request-changes]').click();
    await clientPage.waitForFunction((postId) => document.querySelector(`[data-post="${postId}"] [data-testid=client-status]`)?.textContent === 'Renvoyée à l’agence pour modifications', id);
    check(problems.length === 0, `the client's page: ${problems.join('; ')}`);

    await openInCalendar(page, id, dayAfter(2));
    await page.waitForFunction((text) => document.querySelector('[data-testid=history]')?.textContent.includes(text), comment, { timeout: 15_000 });
    const history = await page.textContent('[data-testid=history]');
    check(history.includes('opened the approval link') && /approval link \S+/.test(history), `the link's lines in the history: ${history}`);
    check((await page.textContent('[data-testid=post-status]')) === 'Draft', 'back to draft');

    await page.goto(`${CONSOLE}/#approvals`);
    await page.locator('[data-testid=link]', { hasText: title }).locator('[data-testid=link-revoke]').click();
    await page.locator('[data-testid=link][data-state=revoked]', { hasText: title }).waitFor({ timeout: 15_000 });
    await clientPage.reload();
    await clientPage.waitForSelector('[data-testid=client-gone]');
    check((await clientPage.textContent('h1')) === 'Ce lien n’est plus valide', 'no longer valid');
    await clientPage.click('[data-testid=client-language]');
    check((await clientPage.textContent('h1')) === 'This link is no longer valid', 'and in English');
    await audit(clientPage, 'client page, link gone');
    // One character of the link's id changed (not the MAC's last one, whose low bits base64 may ignore).
    const altered = url.replace(/#(.)/, (_, c) => `#${c === 'A' ? 'B' : 'A'}`);
    await clientPage.goto('about:blank');
    await clientPage.goto(altered);
    await clientPage.waitForSelector('[data-testid=client-not-found]');
    await client.close();
  });
}
