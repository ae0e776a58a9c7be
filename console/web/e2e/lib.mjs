// What every end-to-end scenario of the console shares: where the suite is, tokens, signing in and
// out through Keycloak's form, axe-core on a screen, timed steps. See run.mjs.
import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';

export const CONSOLE = process.env.TRIBU_CONSOLE_URL ?? 'http://localhost:8080';
export const KEYCLOAK = process.env.TRIBU_KEYCLOAK_URL ?? 'http://localhost:8180/realms/tribu';
export const LISTENING = process.env.TRIBU_LISTENING_URL ?? 'http://localhost:8081';
export const MODERATION = process.env.TRIBU_MODERATION_URL ?? 'http://localhost:8082';
export const PUBLISHING = process.env.TRIBU_PUBLISHING_URL ?? 'http://localhost:8083';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = new URL('../../target/e2e/', import.meta.url).pathname;
export const XSS = '<img src=x onerror=alert(1)>';

mkdirSync(SHOTS, { recursive: true });

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Password-grant tokens, one per user while it is valid (Keycloak's tokens last an hour; a run takes minutes): each
// grant costs Keycloak a password hash, and the scenarios ask for tokens some sixty times. The promise is kept, so
// two lanes asking at once share one grant.
const tokens = new Map();

async function grant(user) {
  const response = await fetch(`${KEYCLOAK}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'tribu-cli', username: user, password: 'tribu' }),
  });
  check(response.ok, `no token for ${user}: ${response.status}`);
  const { access_token: value, expires_in: lifetime } = await response.json();
  // Renewed a minute before it expires.
  return { value, renewAt: Date.now() + (lifetime - 60) * 1000 };
}

export async function token(user) {
  if (!tokens.has(user)) tokens.set(user, grant(user));
  let held;
  try {
    held = await tokens.get(user);
  } catch (error) {
    tokens.delete(user);
    throw error;
  }
  if (Date.now() < held.renewAt) return held.value;
  tokens.delete(user);
  return token(user);
}

export async function audit(page, screen) {
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `axe on ${screen}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`).join('; ')}`);
  return result.violations.length;
}

/** A page whose dialogs, CSP reports and script errors are collected in `problems`. */
async function watchedPage(context) {
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
  return { page, problems };
}

/** Signs USER in through Keycloak's form, in a browser context of its own. */
export async function signIn(browser, user) {
  const context = await browser.newContext({ locale: 'en-US' });
  const { page, problems } = await watchedPage(context);
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

// The cookies and storage of each user's first signedIn, taken right after its form sign-in.
const sessions = new Map();

/**
 * USER signed in, for a scenario about something else than signing in: Keycloak's form the first time, then a fresh
 * context that starts from the storage of that first sign-in (the console's encrypted session cookie: stateless, so
 * contexts side by side share it). A context that signs out uses signIn: its provider session ends.
 */
export async function signedIn(browser, user) {
  if (!sessions.has(user)) {
    const session = await signIn(browser, user);
    sessions.set(user, await session.context.storageState());
    return session;
  }
  const context = await browser.newContext({ locale: 'en-US', storageState: sessions.get(user) });
  const { page, problems } = await watchedPage(context);
  await page.goto(CONSOLE);
  await page.waitForSelector('[data-testid=who]', { timeout: 30_000 });
  return { context, page, problems };
}

export async function signOut(page) {
  await page.click('[data-testid=sign-out]');
  await page.waitForURL((url) => url.pathname === "/signed-out.html", { timeout: 30_000 });
  // The provider's session ended too: coming back asks for the password again.
  await page.goto(CONSOLE);
  await page.waitForSelector('#username', { timeout: 30_000 });
}

// The lane a step runs in (run.mjs runs two side by side), named in its line.
export const lane = new AsyncLocalStorage();

export async function step(name, fn) {
  const t0 = Date.now();
  await fn();
  const where = lane.getStore();
  console.log(`[e2e] ${where ? `(${where}) ` : ''}${name}: ok (${Date.now() - t0} ms)`);
}

