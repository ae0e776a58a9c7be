// The inbox in the browser: HTML shown as text, a 409 between two people explained, a hide,
// French, sign-out; and another agency's user who never sees the first agency's brands.
import { randomUUID } from 'node:crypto';
import { CONSOLE, KEYCLOAK, LISTENING, MODERATION, SHOTS, XSS, audit, check, signIn, signOut, step, token } from './lib.mjs';

/** An owned-channel comment whose text is HTML, put in through listening like any heard comment. */
async function seedHostileComment() {
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const text = `${XSS} ${marker}`;
  const bearer = { Authorization: `Bearer ${await token('camille')}` };
  const response = await fetch(`${LISTENING}/brands/cafe-lumiere/mentions`, {
    method: 'POST',
    headers: { ...bearer, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      source: 'mastodon', kind: 'comment', ownedChannel: true, author: `<b>${marker}</b>`, text,
      publishedAt: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    }),
  });
  check(response.status === 201, `listening refused the comment: ${response.status} ${await response.text()}`);
  // Listening → Kafka → moderation's inbox: wait until it is there.
  for (let i = 0; i < 60; i++) {
    const inbox = await fetch(`${MODERATION}/brands/cafe-lumiere/inbox?limit=50`, { headers: bearer });
    const found = inbox.ok ? (await inbox.json()).items.find((item) => item.text === text) : undefined;
    if (found) return { marker, text, id: found.id };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the comment did not reach the inbox within 30 s');
}

/** Someone else decides on the item (through moderation directly), so the version on screen is stale. */
async function decideBehindTheBack(id) {
  const bearer = { Authorization: `Bearer ${await token('alice')}` };
  const itemUrl = `${MODERATION}/brands/cafe-lumiere/inbox/${id}`;
  const item = await (await fetch(itemUrl, { headers: bearer })).json();
  const response = await fetch(`${itemUrl}/decisions`, {
    method: 'POST',
    headers: { ...bearer, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'assign', assignee: 'alice', expectedVersion: item.version }),
  });
  check(response.ok, `alice's decision: ${response.status} ${await response.text()}`);
}

/** Runs the scenarios; `track(page)` names the page to screenshot on a failure. */
export async function inboxScenarios(browser, track) {
  let seeded;
  await step('seed a hostile comment through listening', async () => {
    seeded = await seedHostileComment();
  });

  await step('camille signs in, sees her brands, reads the inbox, sees HTML as text, meets a 409, hides, signs out', async () => {
    const { context, page, problems } = await signIn(browser, 'camille');
    track(page);
    check(/camille/i.test(await page.textContent('[data-testid=who]')), 'who is signed in');
    check((await page.textContent('[data-testid=who]')).includes('community manager'), 'her role');
    check((await page.textContent('[data-testid=agency]')) === 'soleil', 'her agency');
    const brands = await page.$$eval('[data-testid=brand-switcher] option', (os) => os.map((o) => o.value));
    check(JSON.stringify(brands) === JSON.stringify(['cafe-lumiere', 'velo-vert']), `her brands: ${brands}`);
    await page.selectOption('[data-testid=brand-switcher]', 'cafe-lumiere');
    await page.waitForSelector('[data-testid=inbox-list]');
    await audit(page, 'shell and inbox');
    await page.screenshot({ path: `${SHOTS}inbox.png`, fullPage: true });
    const item = page.locator('[data-testid=item-text]', { hasText: seeded.marker });
    await item.first().click();
    await page.waitForSelector('[data-testid=detail-text]');
    check((await page.textContent('[data-testid=detail-text]')) === seeded.text, 'the text shown as it was written');
    check((await page.locator('img[src=x]').count()) === 0, 'no <img> made from a comment');
    check((await page.locator('b', { hasText: seeded.marker }).count()) === 0, 'no <b> made from an author name');
    await audit(page, 'inbox item');
    await page.screenshot({ path: `${SHOTS}item.png`, fullPage: true });
    // Alice assigns it meanwhile: camille's hide answers 409, the page says so and reloads the item.
    await decideBehindTheBack(seeded.id);
    await page.click('text=Hide on the network');
    await page.waitForSelector('[data-testid=stale]', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=detail-status]')?.textContent === 'Assigned');
    await audit(page, 'stale version explained');
    await page.screenshot({ path: `${SHOTS}stale.png`, fullPage: true });
    // Hide it again, on the version now on screen: a state-changing call through the console
    // (CSRF header, the user's token).
    await page.click('text=Hide on the network');
    await page.waitForSelector('[role=status]', { timeout: 15_000 });
    check((await page.textContent('[data-testid=detail-status]')) === 'Hidden', 'the item is hidden');
    // French on request.
    await page.selectOption('.language select', 'fr');
    await page.waitForSelector('text=Boîte de réception de cafe-lumiere');
    check(problems.length === 0, problems.join('; '));
    await signOut(page);
    await page.screenshot({ path: `${SHOTS}signed-out.png` });
    await context.close();
  });

  await step("noe never sees soleil's brands", async () => {
    const { context, page, problems } = await signIn(browser, 'noe');
    track(page);
    const brands = await page.$$eval('[data-testid=brand-switcher] option', (os) => os.map((o) => o.value));
    check(JSON.stringify(brands) === JSON.stringify(['biscuits-nord']), `noe's brands: ${brands}`);
    await page.waitForSelector('[data-testid=inbox-list], .empty');
    const body = await page.textContent('body');
    check(!body.includes('cafe-lumiere') && !body.includes('velo-vert'), "a soleil brand on noe's screen");
    // Asking the console directly for soleil's inbox: the service answers 404, as to anyone.
    const status = await page.evaluate(async () =>
      (await fetch('/api/moderation/brands/cafe-lumiere/inbox', { headers: { 'X-Requested-With': 'JavaScript' } })).status);
    check(status === 404, `soleil's inbox for noe answered ${status}`);
    await audit(page, "noe's inbox");
    check(problems.length === 0, problems.join('; '));
    await signOut(page);
    await context.close();
  });
}
