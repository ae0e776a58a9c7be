// The inbox in the browser: HTML shown as text, a 409 between two people explained, a hide,
// French, sign-out; and another agency's user who never sees the first agency's brands.
import { randomUUID } from 'node:crypto';
import { CONSOLE, KEYCLOAK, LISTENING, MODERATION, SHOTS, XSS, audit, check, signIn, signOut, signedIn, step, token } from './lib.mjs';

const FAKE_MASTODON = process.env.FAKE_MASTODON_URL ?? 'http://127.0.0.1:8090';

/**
 * Where the comment is on the network: a status a fan writes on the demo's fake Mastodon (./tribu up
 * starts it and connects cafe-lumiere there), so that publishing can carry out the hide and the reply;
 * without the fake, an address no network knows, and the outcomes are failures with their reason.
 */
async function networkUrl(text, marker, onNetwork) {
  if (!onNetwork) return `https://mastodon.example/@e2e/${marker}`;
  try {
    const response = await fetch(`${FAKE_MASTODON}/api/v1/statuses`, {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-grincheux-token', 'Content-Type': 'application/json', 'Idempotency-Key': marker },
      body: JSON.stringify({ status: text, visibility: 'public' }),
    });
    if (response.ok) return (await response.json()).url;
  } catch {
    // no fake network running
  }
  return `https://mastodon.example/@e2e/${marker}`;
}

/**
 * An owned-channel comment whose text is HTML, put in through listening like any heard comment;
 * `onNetwork` false: its URL is known to no network, so what publishing is asked to do fails.
 */
async function seedHostileComment(onNetwork = true) {
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const text = `${XSS} ${marker}`;
  const url = await networkUrl(text, marker, onNetwork);
  const bearer = { Authorization: `Bearer ${await token('camille')}` };
  const response = await fetch(`${LISTENING}/brands/cafe-lumiere/mentions`, {
    method: 'POST',
    headers: { ...bearer, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      source: 'mastodon', kind: 'comment', ownedChannel: true, author: `<b>${marker}</b>`, text,
      // A URL on the network, so that a hide or a reply is asked of publishing (without one it fails at once).
      url,
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

/**
 * Alice, in her own browser session, assigns the item to herself: the version on camille's screen is now stale.
 */
async function decideInAnotherSession(browser, marker) {
  const { context, page } = await signedIn(browser, 'alice');
  // An admin starts on the agency overview.
  await page.click('a[href="#inbox"]');
  await page.selectOption('[data-testid=brand-switcher]', 'cafe-lumiere');
  await page.locator('[data-testid=item-text]', { hasText: marker }).first().click();
  await page.waitForSelector('[data-testid=detail-text]');
  await page.click('text=Assign to me');
  await page.waitForFunction(() => document.querySelector('[data-testid=detail-assignee]')?.textContent === 'alice');
  await context.close();
}

/**
 * An insult written by a fan on the fake network reaches the inbox through listening; the demo charter
 * (hide-insults) hides it on the network: moderation asks publishing, which mutes the author there.
 */
async function seedInsult() {
  const marker = `e2e-${randomUUID().slice(0, 8)}`;
  const text = `Bande de connards, votre café c'est de la merde. ${marker}`;
  const url = await networkUrl(text, marker, true);
  const bearer = { Authorization: `Bearer ${await token('camille')}` };
  const response = await fetch(`${LISTENING}/brands/cafe-lumiere/mentions`, {
    method: 'POST',
    headers: { ...bearer, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      source: 'mastodon', kind: 'comment', ownedChannel: true, author: 'grincheux', text, url, externalId: marker,
      publishedAt: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    }),
  });
  check(response.status === 201, `listening refused the insult: ${response.status} ${await response.text()}`);
  return { marker, text };
}

/**
 * Does `act`, then follows the item's network outcome until publishing has answered: every value the
 * page showed (requested, then done or failed), the last one, and the reason shown for a failure.
 */
async function followOutcome(page, act) {
  await page.evaluate(() => {
    const seen = [];
    window.__outcomes = seen;
    const box = document.querySelector('[data-testid=network-outcome]');
    const note = () => {
      const value = box.getAttribute('data-outcome');
      if (seen[seen.length - 1] !== value) seen.push(value);
    };
    new MutationObserver(note).observe(box, { attributes: true, attributeFilter: ['data-outcome'] });
  });
  await act();
  await page.waitForFunction(() => ['done', 'failed'].includes(window.__outcomes.at(-1)), null, { timeout: 60_000 });
  const seen = await page.evaluate(() => window.__outcomes);
  const outcome = seen[seen.length - 1];
  const reason = outcome === 'failed' ? ((await page.textContent('[data-testid=network-reason]')) ?? '').trim() : '';
  return { seen, outcome, reason };
}

/**
 * Screen 4: a saved reply is created and edited; in the inbox it is rendered for the item, edited and
 * sent as a private reply, whose network outcome is shown; then the saved reply is deleted.
 */
async function replyFromASavedReply(page, seeded) {
  const name = `e2e-${seeded.marker}`;
  await page.click('a[href="#replies"]');
  await page.waitForSelector('#replies-title');
  check(/\d+ minutes/.test(await page.textContent('[data-testid=sla-current]')), 'the SLA target is shown');
  await page.click('[data-testid=reply-new]');
  await page.fill('#reply-name', name);
  await page.selectOption('#reply-language', 'fr');
  await page.fill('#reply-body', 'Bonjour {{author}}, écrivez-nous en privé.');
  await page.click('[data-testid=reply-form] button[type=submit]');
  const row = page.locator('[data-testid=saved-reply]', { hasText: name });
  await row.waitFor();
  await row.getByRole('button', { name: 'Edit' }).click();
  await page.fill('#reply-body', 'Bonjour {{author}}, écrivez-nous en privé. {{agent}} pour {{brand}}');
  await page.click('[data-testid=reply-form] button[type=submit]');
  await page.locator('[data-testid=saved-reply]', { hasText: '{{agent}} pour {{brand}}' }).waitFor();
  check((await page.locator('[data-testid=saved-reply]', { hasText: name }).count()) === 1, 'the edit replaced the saved reply');
  await audit(page, 'saved replies and SLA');
  await page.screenshot({ path: `${SHOTS}saved-replies.png`, fullPage: true });

  await page.click('a[href="#inbox"]');
  await page.locator('[data-testid=item-text]', { hasText: seeded.marker }).first().click();
  await page.waitForSelector('[data-testid=detail-text]');
  await page.waitForSelector(`[data-testid=saved-reply-select] option:text("${name} (fr)")`, { state: 'attached' });
  await page.selectOption('[data-testid=saved-reply-select]', { label: `${name} (fr)` });
  await page.waitForFunction(() => document.querySelector('#reply-text').value.includes('camille'));
  const rendered = await page.inputValue('#reply-text');
  check(rendered === `Bonjour <b>${seeded.marker}</b>, écrivez-nous en privé. camille pour cafe-lumiere`,
    `the saved reply rendered for the item: ${rendered}`);
  await page.fill('#reply-text', `${rendered} Merci !`);
  await page.check('[data-testid=visibility-private]');
  const reply = await followOutcome(page, () => page.click('text=Send the reply'));
  check(reply.seen.includes('requested'), `the reply was never shown as requested: ${reply.seen}`);
  check(reply.outcome === 'done' || reply.reason.length > 0, 'a failed reply shows the reason');
  check((await page.textContent('[data-testid=network-outcome]')).includes('Private message'), 'the outcome names a private reply');
  // A reply done leaves a hidden item hidden (the stronger status), else it is replied.
  if (reply.outcome === 'done') check(['Replied', 'Hidden'].includes(await page.textContent('[data-testid=detail-status]')), 'replied');
  console.log(`[e2e]   private reply: ${reply.seen.join(' → ')}${reply.reason ? ` (${reply.reason})` : ''}`);
  await page.locator('[data-testid=history]', { hasText: 'Reply' }).waitFor();
  await audit(page, 'private reply sent');
  await page.screenshot({ path: `${SHOTS}private-reply.png`, fullPage: true });

  await page.click('a[href="#replies"]');
  const saved = page.locator('[data-testid=saved-reply]', { hasText: name });
  await saved.getByRole('button', { name: 'Delete' }).click();
  await saved.getByRole('button', { name: 'Yes, delete it' }).click();
  await saved.waitFor({ state: 'detached' });
  await page.click('a[href="#inbox"]');
  await page.waitForSelector('[data-testid=inbox-list]');
}

/**
 * By keyboard, on a comment no network knows: h hides it (failed, the reason shown, the status left),
 * then d and the confirmation delete it (a status already gone counts as deleted: done, Deleted).
 */
async function hideThatFailsThenDelete(page, lost) {
  await page.locator('[data-testid=item-text]', { hasText: lost.marker }).first().click();
  await page.waitForFunction((text) => document.querySelector('[data-testid=detail-text]')?.textContent === text, lost.text);
  const status = await page.textContent('[data-testid=detail-status]');
  await page.locator('#inbox-title').click();
  const hide = await followOutcome(page, () => page.keyboard.press('h'));
  check(hide.seen.includes('requested'), `the hide was never shown as requested: ${hide.seen}`);
  check(hide.outcome === 'failed' && hide.reason.length > 0, `a hide no network can do: ${hide.outcome}, "${hide.reason}"`);
  check((await page.textContent('[data-testid=detail-status]')) === status, 'a failed hide leaves the status');
  console.log(`[e2e]   hide of a lost comment: ${hide.seen.join(' → ')} (${hide.reason})`);
  await audit(page, 'failed hide');
  await page.screenshot({ path: `${SHOTS}hide-failed.png`, fullPage: true });
  const deletion = await followOutcome(page, async () => {
    await page.keyboard.press('d');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
  });
  check(deletion.seen.includes('requested'), `the delete was never shown as requested: ${deletion.seen}`);
  if (deletion.outcome === 'done') check((await page.textContent('[data-testid=detail-status]')) === 'Deleted', 'deleted');
  else check(deletion.reason.length > 0, 'a failed delete shows the reason');
  console.log(`[e2e]   delete: ${deletion.seen.join(' → ')}${deletion.reason ? ` (${deletion.reason})` : ''}`);
}

/** The shortcuts' help opens with ? and closes with Escape; j and k move; a filter narrows the list. */
async function shortcutsAndFilters(page, seeded) {
  await page.locator('#inbox-title').click();
  await page.keyboard.press('?');
  await page.waitForSelector('[data-testid=shortcuts]', { state: 'visible' });
  await audit(page, 'keyboard shortcuts');
  await page.screenshot({ path: `${SHOTS}shortcuts.png` });
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=shortcuts]', { state: 'hidden' });
  await page.keyboard.press('j');
  const first = await page.getAttribute('.item[aria-current=true]', 'data-id');
  await page.keyboard.press('j');
  const second = await page.getAttribute('.item[aria-current=true]', 'data-id');
  await page.keyboard.press('k');
  check(first !== second && (await page.getAttribute('.item[aria-current=true]', 'data-id')) === first, 'j and k move the selection');
  await page.fill('[data-testid=filter-channel]', 'bluesky');
  await page.waitForFunction((marker) =>
    ![...document.querySelectorAll('[data-testid=item-text]')].some((e) => e.textContent.includes(marker)), seeded.marker);
  await page.fill('[data-testid=filter-channel]', '');
  await page.locator('[data-testid=item-text]', { hasText: seeded.marker }).first().waitFor();
}

/** Runs the scenarios; `track(page)` names the page to screenshot on a failure. */
export async function inboxScenarios(browser, track) {
  let seeded;
  let lost;
  let insult;
  await step('seed two hostile comments through listening, one on the fake network, and an insult', async () => {
    seeded = await seedHostileComment();
    lost = await seedHostileComment(false);
    insult = await seedInsult();
  });

  await step('the insult arrives, the charter hides it, and the inbox shows it hidden', async () => {
    const { context, page, problems } = await signedIn(browser, 'camille');
    track(page);
    await page.selectOption('[data-testid=brand-switcher]', 'cafe-lumiere');
    await page.waitForSelector('[data-testid=inbox-list]');
    const row = page.locator('[data-testid=item-text]', { hasText: insult.marker });
    await row.first().waitFor({ timeout: 60_000 });
    await row.first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid=detail-status]')?.textContent === 'Hidden',
      undefined, { timeout: 60_000 });
    await audit(page, 'an insult hidden by the charter');
    await page.screenshot({ path: `${SHOTS}charter-hidden.png`, fullPage: true });
    check(problems.length === 0, problems.join('; '));
    await context.close();
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
    check((await page.textContent('[data-testid=time-zone]')).includes('Europe/Paris'), "times in the brand's zone");
    check(/due .*, in \d|overdue since|answered/.test(await page.textContent('[data-testid=detail-sla]')), 'the SLA shown');
    check((await page.locator('img[src=x]').count()) === 0, 'no <img> made from a comment');
    check((await page.locator('b', { hasText: seeded.marker }).count()) === 0, 'no <b> made from an author name');
    await audit(page, 'inbox item');
    await page.screenshot({ path: `${SHOTS}item.png`, fullPage: true });
    // Alice, in her own browser session, assigns it meanwhile: camille's hide answers 409, the page says
    // so and reloads the item.
    await decideInAnotherSession(browser, seeded.marker);
    await page.click('text=Hide on the network');
    await page.waitForSelector('[data-testid=stale]', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=detail-status]')?.textContent === 'Assigned');
    await audit(page, 'stale version explained');
    await page.screenshot({ path: `${SHOTS}stale.png`, fullPage: true });
    // Hide it again, on the version now on screen: a state-changing call through the console
    // (CSRF header, the user's token). It is asked of the network: "requested" until publishing
    // reports, then done (Hidden) or failed with the reason (the demo may have no connected channel).
    const hide = await followOutcome(page, () => page.click('text=Hide on the network'));
    check(hide.seen.includes('requested'), `the hide was never shown as requested: ${hide.seen}`);
    if (hide.outcome === 'done') {
      check((await page.textContent('[data-testid=detail-status]')) === 'Hidden', 'a done hide shows the item hidden');
    } else {
      check(hide.reason.length > 0, 'a failed hide shows the reason');
      check((await page.textContent('[data-testid=detail-status]')) === 'Assigned', 'a failed hide leaves the status');
    }
    console.log(`[e2e]   hide: ${hide.seen.join(' → ')}${hide.reason ? ` (${hide.reason})` : ''}`);
    await audit(page, 'network outcome');
    await page.screenshot({ path: `${SHOTS}hide-outcome.png`, fullPage: true });
    await replyFromASavedReply(page, seeded);
    await hideThatFailsThenDelete(page, lost);
    await shortcutsAndFilters(page, seeded);
    // French on request.
    await page.selectOption('.language select', 'fr');
    await page.waitForSelector('text=Boîte de réception de cafe-lumiere');
    await page.waitForSelector('text=Heures de Europe/Paris, le fuseau de la marque.');
    await audit(page, 'inbox in French');
    await page.screenshot({ path: `${SHOTS}inbox-fr.png`, fullPage: true });
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
