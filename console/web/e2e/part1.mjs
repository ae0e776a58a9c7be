// What part 1 of the console lacked until the services gave it (issue 20's "Left"): the inbox's channel filter
// offers the brand's sources, the counts follow the other filters, assignees come from the agency's people, a saved
// reply is edited in place and a concurrent edit is explained; a post without a planned time waits in the calendar's
// unscheduled tray and is planned by dragging it onto a day. axe-core on what is new.
import { randomUUID } from 'node:crypto';
import { MODERATION, PUBLISHING, SHOTS, audit, check, signedIn, step, token } from './lib.mjs';

async function call(user, url, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
}

const ZONE = 'Europe/Paris';
const localDate = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);
const localTime = (instant) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(instant);

export async function part1Scenarios(browser, track) {
  const camille = await signedIn(browser, 'camille');
  const { page, problems } = camille;
  track(page);

  await step('the inbox: sources offered, counts under the other filters, assignees from the agency\'s people', async () => {
    await page.waitForSelector('[data-testid=inbox-list]');
    const sources = (await call('camille', `${MODERATION}/brands/cafe-lumiere/inbox/sources`)).body;
    check(sources.length > 0, 'moderation lists the brand\'s sources');
    await page.waitForSelector(`#inbox-channels option[value="${sources[0].source}"]`, { state: 'attached' });
    // A filter on a sentiment: the counts are moderation's under that filter.
    await page.selectOption('[data-testid=filter-sentiment]', 'negative');
    const expected = (await call('camille', `${MODERATION}/brands/cafe-lumiere/inbox/counts?sentiment=negative`)).body;
    await page.waitForFunction((n) => document.querySelector('[data-testid=count-new]')?.textContent === String(n), expected.new, { timeout: 10_000 });
    await page.selectOption('[data-testid=filter-sentiment]', '');
    // camille herself is one of the agency's people (she has signed in).
    await page.locator('[data-testid=item-text]').first().click();
    await page.waitForSelector('#assignees option[value="camille"]', { state: 'attached' });
    await audit(page, 'inbox with sources and people');
  });

  await step('a saved reply edited in place; an edit made meanwhile elsewhere is explained and shown', async () => {
    const name = `e2e-${randomUUID().slice(0, 8)}`;
    const created = await call('camille', `${MODERATION}/brands/cafe-lumiere/saved-replies`, {
      method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: JSON.stringify({ name, language: 'fr', text: 'Bonjour {{author}}.' }),
    });
    check(created.status === 201, `saved reply: ${created.status}`);
    await page.click('a[href="#replies"]');
    // The inbox read the saved replies a moment ago (kept 2 s): a reload reads them again, the new one included.
    await page.reload();
    const row = page.locator('[data-testid=saved-reply]', { hasText: name });
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.fill('#reply-body', 'Bonjour {{author}}, merci.');
    // Someone else edits it first.
    const other = await call('alice', `${MODERATION}/brands/cafe-lumiere/saved-replies/${created.body.id}`, {
      method: 'PUT', headers: { 'If-Match': `"${created.body.version}"` }, body: JSON.stringify({ name, language: 'fr', text: 'Bonjour {{author}}, à bientôt.' }),
    });
    check(other.status === 200, `alice's edit: ${other.status}`);
    await page.click('[data-testid=reply-form] button[type=submit]');
    await page.waitForSelector('[data-testid=reply-conflict]');
    check((await page.inputValue('#reply-body')) === 'Bonjour {{author}}, à bientôt.', 'the other edit is shown');
    await audit(page, 'saved reply conflict');
    await page.fill('#reply-body', 'Bonjour {{author}}, à bientôt, merci.');
    await page.click('[data-testid=reply-form] button[type=submit]');
    await page.locator('[data-testid=saved-reply]', { hasText: 'à bientôt, merci.' }).waitFor();
    const replies = (await call('camille', `${MODERATION}/brands/cafe-lumiere/saved-replies`)).body.filter((r) => r.name === name);
    check(replies.length === 1 && replies[0].id === created.body.id && replies[0].version === other.body.version + 1,
      `edited in place: ${JSON.stringify(replies)}`);
    await call('camille', `${MODERATION}/brands/cafe-lumiere/saved-replies/${created.body.id}`, { method: 'DELETE' });
  });

  await step('an idea without a planned time waits in the unscheduled tray and is planned by dragging it onto a day', async () => {
    const title = `e2e-${randomUUID().slice(0, 8)} idée`;
    await page.click('a[href="#calendar"]');
    await page.waitForSelector('[data-testid=month]');
    await page.click('[data-testid=new-post]');
    await page.fill('[data-testid=composer-title]', title);
    await page.check('[data-testid=composer-unplanned]');
    await page.fill('[data-testid=text-mastodon]', 'Une idée pour plus tard.');
    await page.click('[data-testid=composer-save]');
    await page.waitForSelector('[data-testid=post-panel]');
    const chip = page.locator('[data-testid=unscheduled] [data-testid=post-chip]', { hasText: title });
    await chip.waitFor({ timeout: 15_000 });
    const id = await chip.getAttribute('data-post');
    check((await call('camille', `${PUBLISHING}/brands/cafe-lumiere/posts/${id}`)).body.plannedAt === null, 'saved without a planned time');
    await audit(page, 'calendar with the unscheduled tray');
    await page.screenshot({ path: `${SHOTS}unscheduled.png`, fullPage: true });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const later = localDate(new Date(Date.now() + 2 * 86_400_000));
    if (!(await page.locator(`[data-drop="day|${later}"]`).count())) await page.getByRole('button', { name: 'Next', exact: true }).click();
    // By mouse, onto the day after tomorrow.
    const handle = chip.locator('[data-testid=post-move]');
    // The tray sits at the top, the day may be far below (a used demo's days are tall): the whole page in the
    // window, so that nothing scrolls under the pointer.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(height + 100, 12_000) });
    await page.evaluate(() => window.scrollTo(0, 0));
    const cell = page.locator(`[data-drop="day|${later}"]`);
    const from = await handle.boundingBox();
    const to = await cell.boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 - 12, from.y + from.height / 2 + 12, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
    await page.mouse.up();
    await page.waitForSelector(`[data-drop="day|${later}"] [data-post="${id}"]`, { timeout: 15_000 });
    const planned = (await call('camille', `${PUBLISHING}/brands/cafe-lumiere/posts/${id}`)).body;
    check(localDate(new Date(planned.plannedAt)) === later && localTime(new Date(planned.plannedAt)) === '10:00',
      `planned on ${later} at 10:00: ${planned.plannedAt}`);
    check(problems.length === 0, problems.join('; '));
  });
  await camille.context.close();
}
