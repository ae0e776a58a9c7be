// The agency overview in the browser: alice (an agency admin) lands on it after sign-in; it counts what the brands
// hold (new items as moderation counts them, a post submitted for approval moves its brand's count); a brand's row
// opens its inbox; nora, admin of another agency, sees only her agency's brand. axe-core on the screen.
import { randomUUID } from 'node:crypto';
import { MODERATION, PUBLISHING, SHOTS, audit, check, signedIn, step, token } from './lib.mjs';

async function call(user, url, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The numbers of one brand's row as the page shows them. */
async function rowOf(page, brand) {
  const row = page.locator(`[data-testid=overview-table] tr[data-brand="${brand}"]`);
  await row.waitFor({ timeout: 15_000 });
  const cell = async (id) => (await row.locator(`[data-testid=${id}]`).textContent()).replace(/[\s\u202f,]/g, '');
  return { new: await cell('new'), awaiting: await cell('awaiting'), spike: await cell('spike') };
}

const ready = (page) => page.waitForSelector('[data-testid=overview][data-ready=true]', { timeout: 20_000 });

export async function overviewScenarios(browser, track) {
  await step('alice, an agency admin, lands on the agency overview; it counts what the brands hold; a row opens the inbox', async () => {
    const alice = await signedIn(browser, 'alice');
    const { page, problems } = alice;
    track(page);
    await page.waitForFunction(() => window.location.hash === '#overview', null, { timeout: 10_000 });
    const t0 = Date.now();
    await ready(page);
    console.log(`[e2e]   overview drawn ${Date.now() - t0} ms after the shell`);
    check((await page.locator('[data-testid=overview-source-problem]').count()) === 0,
      `a source did not answer: ${await page.locator('[data-testid=overview-source-problem]').allTextContents()}`);
    // New items as moderation counts them for the brand.
    const counts = (await call('alice', `${MODERATION}/brands/cafe-lumiere/inbox/counts`)).body;
    const before = await rowOf(page, 'cafe-lumiere');
    check(Number(before.new) === counts.new, `new items: the page says ${before.new}, moderation counts ${counts.new}`);
    // A post submitted for approval adds one to the brand's "awaiting approval" (camille writes it; read again on reload).
    const created = await call('camille', `${PUBLISHING}/brands/cafe-lumiere/posts`, {
      method: 'POST', headers: { 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ title: `e2e-${randomUUID().slice(0, 8)} overview`, variants: [{ network: 'mastodon', text: 'Bientôt.' }] }),
    });
    check(created.status === 201, `camille's post: ${created.status}`);
    const submitted = await call('camille', `${PUBLISHING}/brands/cafe-lumiere/posts/${created.body.id}/transitions`,
      { method: 'POST', body: JSON.stringify({ action: 'submit' }) });
    check(submitted.status === 200, `camille's submit: ${submitted.status}`);
    await page.reload();
    await ready(page);
    const after = await rowOf(page, 'cafe-lumiere');
    check(Number(after.awaiting) === Number(before.awaiting) + 1, `awaiting approval: ${before.awaiting} → ${after.awaiting}`);
    await audit(page, 'agency overview');
    await page.screenshot({ path: `${SHOTS}overview.png`, fullPage: true });
    await page.getByRole('button', { name: 'Open the inbox of velo-vert', exact: true }).click();
    await page.waitForFunction(() => window.location.hash === '#inbox');
    check((await page.inputValue('[data-testid=brand-switcher]')) === 'velo-vert', 'the row opened velo-vert\'s inbox');
    check(problems.length === 0, problems.join('; '));
    await alice.context.close();
  });

  await step('nora, admin of another agency, sees only her agency\'s brand', async () => {
    const nora = await signedIn(browser, 'nora');
    track(nora.page);
    await ready(nora.page);
    const brands = await nora.page.$$eval('[data-testid=overview-table] tbody tr', (rows) => rows.map((r) => r.dataset.brand));
    check(JSON.stringify(brands) === '["biscuits-nord"]', `nora's overview: ${JSON.stringify(brands)}`);
    await nora.context.close();
  });
}
