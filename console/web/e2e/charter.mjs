// The charter editor in the browser (issue 21, part 3): a rule written in the form, refused at its field,
// dry-run with its example, saved; the next insult follows it; the versions' diff; the demo charter put back.
import { randomUUID } from 'node:crypto';
import { LISTENING, MODERATION, SHOTS, audit, check, signedIn, step, token } from './lib.mjs';

const BRAND = 'cafe-lumiere';

/** An insult heard on the brand's own channel, put in through listening; waits until moderation has judged it. */
async function insult(marker) {
  const bearer = { Authorization: `Bearer ${await token('camille')}` };
  const text = `Bande de connards, votre café c'est de la merde ${marker} ${randomUUID().slice(0, 6)}`;
  const response = await fetch(`${LISTENING}/brands/${BRAND}/mentions`, {
    method: 'POST',
    headers: { ...bearer, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      source: 'mastodon', kind: 'comment', ownedChannel: true, author: 'grincheux', text, externalId: `${marker}-${randomUUID()}`,
      url: `https://mastodon.example/@grincheux/${randomUUID()}`,
      publishedAt: new Date(Date.now() - 30_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    }),
  });
  check(response.status === 201, `listening refused the insult: ${response.status} ${await response.text()}`);
  for (let i = 0; i < 60; i++) {
    const inbox = await fetch(`${MODERATION}/brands/${BRAND}/inbox?limit=50`, { headers: bearer });
    const found = inbox.ok ? (await inbox.json()).items.find((item) => item.text === text) : undefined;
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the insult did not reach the inbox within 30 s');
}

/** The charter as it was, put back through the API when the scenario stopped before putting it back itself. */
async function charterNow() {
  const response = await fetch(`${MODERATION}/brands/${BRAND}/charter`, { headers: { Authorization: `Bearer ${await token('camille')}` } });
  return response.ok ? (await response.json()) : null;
}

export async function charterScenarios(browser, track) {
  const original = await charterNow();
  let restored = false;
  try {
    await editCharter(browser, track);
    restored = true;
  } finally {
    if (!restored && original && (await charterNow())?.version !== original.version) {
      await fetch(`${MODERATION}/brands/${BRAND}/charter`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${await token('camille')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(original.document),
      });
    }
  }
}

async function editCharter(browser, track) {
  const marker = `e2echarter${randomUUID().slice(0, 8)}`;
  const rule = `e2e-${marker.slice(-8)}`;
  const before = await insult(marker);
  const { context, page, problems } = await signedIn(browser, 'camille');
  track(page);
  await page.selectOption('[data-testid=brand-switcher]', BRAND);
  await page.click('a[href="#charter"]');
  await page.waitForSelector('[data-testid=charter-form]');
  const rulesBefore = await page.locator('[data-testid=rule]').count();
  const last = () => page.locator('[data-testid=rule]').last();

  await step('charter: a rule written in the form, refused at its field', async () => {
    await page.click('[data-testid=rule-add]');
    await last().getByLabel('Id (a-z, 0-9, - and _)').fill('Not An Id!');
    await last().getByLabel('Name').fill(`E2E ${marker}`);
    await last().getByLabel('Priority (lower runs first)').fill('0');
    await last().getByLabel('Stop after this rule when it matches').check();
    // Insults that carry the marker: escalated and tagged, before the demo's hide-insults rule.
    await last().getByLabel('Match', { exact: true }).selectOption('all');
    await last().locator('[data-testid=condition]').first().getByLabel('Words or phrases, one per line').fill(marker);
    await last().getByRole('button', { name: 'Add a condition' }).click();
    const label = last().locator('[data-testid=condition]').nth(1);
    await label.getByLabel('Condition', { exact: true }).selectOption('label');
    await label.getByLabel('Label', { exact: true }).selectOption('insult');
    await label.getByLabel('Minimum score (0 to 1)').fill('0.5');
    await last().getByLabel('Action', { exact: true }).selectOption('escalate');
    await last().getByRole('button', { name: 'Add an action' }).click(); // a tag action
    await last().getByLabel('Tags, comma-separated').fill('e2e, crise');
    await page.click('[data-testid=charter-save]');
    const error = page.locator(`[data-testid=field-error][data-path="rules/${rulesBefore}/id"]`);
    await error.waitFor();
    check((await last().getByLabel('Id (a-z, 0-9, - and _)').getAttribute('aria-invalid')) === 'true', 'the id field is marked');
    console.log(`[e2e]   refused at rules/${rulesBefore}/id: ${await error.textContent()}`);
    await audit(page, 'charter form with a violation');
    await page.screenshot({ path: `${SHOTS}charter-violation.png`, fullPage: true });
    await last().getByLabel('Id (a-z, 0-9, - and _)').fill(rule);
  });

  await step('charter: the JSON view edits the same draft', async () => {
    await page.click('[data-testid=view-json]');
    const json = JSON.parse(await page.inputValue('[data-testid=charter-json]'));
    const written = json.rules.find((r) => r.id === rule);
    check(written && written.priority === 0 && written.stopAfterMatch === true
      && JSON.stringify(written.when) === JSON.stringify({ all: [{ keywords: [marker] }, { label: { name: 'insult', minScore: 0.5 } }] })
      && JSON.stringify(written.then) === JSON.stringify([{ action: 'escalate' }, { action: 'tag', tags: ['e2e', 'crise'] }]),
    `the form wrote the rule: ${JSON.stringify(written)}`);
    written.name = `E2E ${marker} (JSON)`;
    await page.fill('[data-testid=charter-json]', JSON.stringify(json, null, 2));
    await page.click('[data-testid=view-form]');
    check(await last().getByLabel('Name').inputValue() === `E2E ${marker} (JSON)`, 'the form shows what the JSON changed');
  });

  await step('charter: the dry run shows what the rule would have done, with its example', async () => {
    await page.click('[data-testid=dry-run]');
    const ours = page.locator(`[data-testid=dry-run-rule][data-rule="${rule}"]`);
    await ours.waitFor();
    check((await ours.textContent()).includes('1 matches'), `the rule matches the insult: ${await ours.textContent()}`);
    check((await ours.locator('[data-testid=dry-run-example]').textContent()).includes(marker), 'its example is the insult');
    await audit(page, 'charter dry run');
    // The rule as written in the form, and what it would have done (the console's README shows it).
    const written = await last().boundingBox();
    const report = await page.locator('[data-testid=dry-run-report]').boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY); // boxes are in the viewport, the clip in the page
    await page.screenshot({ path: `${SHOTS}charter-dry-run.png`, fullPage: true,
      clip: { x: 0, y: written.y + scrolled - 8, width: page.viewportSize().width, height: report.y + report.height - written.y + 16 } });
  });

  let saved;
  await step('charter: saved; the next insult follows it', async () => {
    await page.click('[data-testid=charter-save]');
    await page.waitForSelector('[data-testid=charter-saved]');
    saved = Number((await page.textContent('[data-testid=charter-saved]')).match(/\d+/)[0]);
    const next = await insult(marker);
    check(next.status === 'escalated' && (next.tags ?? []).includes('crise'), `the next insult escalated and tagged: ${next.status} ${next.tags}`);
    check(before.status !== 'escalated', 'the one before was judged by the old charter');
    console.log(`[e2e]   version ${saved}: the next insult is ${next.status}, tags ${next.tags}`);
  });

  await step('charter: versions and their diff; the previous version put back', async () => {
    await page.locator('[data-testid=versions] li', { hasText: `Version ${saved},` }).waitFor();
    await page.selectOption('[data-testid=diff-to]', String(saved));
    await page.selectOption('[data-testid=diff-from]', String(saved - 1));
    const added = await page.locator('[data-testid=diff] ins').allTextContents();
    check(added.some((line) => line.includes(`"id": "${rule}"`)), `the diff adds the rule: ${added.join('|')}`);
    await audit(page, 'charter versions');
    await page.locator('section[aria-labelledby=versions-title]').screenshot({ path: `${SHOTS}charter-versions.png` });
    await page.getByRole('button', { name: `Edit from version ${saved - 1}` }).click();
    check((await page.locator('[data-testid=rule]').count()) === rulesBefore, 'the draft is the previous version');
    await page.click('[data-testid=charter-save]');
    await page.waitForSelector(`[data-testid=charter-saved]:text("Version ${saved + 1} saved")`);
  });
  check(problems.length === 0, problems.join('; '));
  await context.close();
}
