// End-to-end test of the console in a real browser (Debian's Chromium driven by playwright-core)
// against the real suite: Keycloak's sign-in form, the four services, the console. Started by
// ./tribu e2e, which brings the suite up first. Exits non-zero on the first failure, with a
// screenshot of the page in target/e2e/.
import { chromium } from 'playwright-core';
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const CONSOLE = process.env.TRIBU_CONSOLE_URL ?? 'http://localhost:8080';
const KEYCLOAK = process.env.TRIBU_KEYCLOAK_URL ?? 'http://localhost:8180/realms/tribu';
const LISTENING = process.env.TRIBU_LISTENING_URL ?? 'http://localhost:8081';
const MODERATION = process.env.TRIBU_MODERATION_URL ?? 'http://localhost:8082';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../../target/e2e/', import.meta.url).pathname;
const XSS = '<img src=x onerror=alert(1)>';

mkdirSync(SHOTS, { recursive: true });
const started = Date.now();
const results = [];

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function token(user) {
  const response = await fetch(`${KEYCLOAK}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'tribu-cli', username: user, password: 'tribu' }),
  });
  check(response.ok, `no token for ${user}: ${response.status}`);
  return (await response.json()).access_token;
}

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

async function audit(page, screen) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `axe on ${screen}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`).join('; ')}`);
  return result.violations.length;
}

async function signIn(browser, user) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', async (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(CONSOLE);
  // Keycloak's own sign-in form: the console never sees the password.
  await page.waitForSelector('#username', { timeout: 30_000 });
  check(page.url().startsWith(KEYCLOAK), `expected Keycloak's form, at ${page.url()}`);
  await page.fill('#username', user);
  await page.fill('#password', 'tribu');
  await page.click('#kc-login');
  await page.waitForSelector('[data-testid=who]', { timeout: 30_000 });
  return { context, page, problems };
}

async function signOut(page) {
  await page.click('[data-testid=sign-out]');
  await page.waitForURL((url) => url.pathname === "/signed-out.html", { timeout: 30_000 });
  // The provider's session ended too: coming back asks for the password again.
  await page.goto(CONSOLE);
  await page.waitForSelector('#username', { timeout: 30_000 });
}

async function step(name, fn) {
  const t0 = Date.now();
  await fn();
  results.push(`${name}: ok (${Date.now() - t0} ms)`);
  console.log(`[e2e] ${name}: ok (${Date.now() - t0} ms)`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let current = null;
try {
  let seeded;
  await step('seed a hostile comment through listening', async () => {
    seeded = await seedHostileComment();
  });

  await step('camille signs in, sees her brands, reads the inbox, sees HTML as text, meets a 409, hides, signs out', async () => {
    const { context, page, problems } = await signIn(browser, 'camille');
    current = page;
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
    current = page;
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
  console.log(`[e2e] all green in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[e2e] FAILED: ${error.message}`);
  if (current) await current.screenshot({ path: `${SHOTS}failure.png`, fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
