// Listening in the browser (issue 21, part 1): a query's syntax error underlined where listening says it
// is; a saved query's preview and its mentions; the stream's filters and stories; sources paused and resumed;
// alert rules and their history.
import { randomUUID } from 'node:crypto';
import { LISTENING, SHOTS, audit, check, signedIn, step, token } from './lib.mjs';

const BRAND = 'cafe-lumiere';

async function recordMention(marker, text, extra = {}) {
  const response = await fetch(`${LISTENING}/brands/${BRAND}/mentions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await token('camille')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      source: 'rss', author: `<b>${marker}</b>`, text, url: `https://blog.example.fr/${marker}`, externalId: `${marker}-${randomUUID()}`,
      publishedAt: new Date(Date.now() - 120_000).toISOString().replace(/\.\d+Z$/, 'Z'), ...extra,
    }),
  });
  check(response.status === 201, `listening refused the mention: ${response.status} ${await response.text()}`);
}


export async function listeningScenarios(browser, track) {
  const marker = `e2elisten${randomUUID().slice(0, 8)}`;
  const { context, page, problems } = await signedIn(browser, 'camille');
  track(page);
  await page.selectOption('[data-testid=brand-switcher]', BRAND);

  await step('listening: a syntax error underlined where listening says it is', async () => {
    await page.click('a[href="#listening"]');
    await page.waitForSelector('#queries-title');
    await page.click('[data-testid=query-new]');
    await page.fill('#query-name', `e2e ${marker}`);
    // "OR" cannot follow "AND": listening reports position 20, where the OR starts.
    // Typed key by key, as a person does: listening checks 300 ms after the last one, no save needed.
    await page.locator('[data-testid=query-text]').pressSequentially('"café lumière" AND OR lumiere', { delay: 20 });
    await page.waitForSelector('[data-testid=syntax-mark]');
    const echo = await page.textContent('[data-testid=query-echo]');
    const marked = await page.textContent('[data-testid=syntax-mark]');
    check(echo.startsWith('"café lumière" AND ') && echo.indexOf(marked) === '"café lumière" AND '.length && marked.startsWith('O'),
      `the underline is at the OR: "${echo}", marked "${marked}"`);
    check(/Line 1, column 20/.test(await page.textContent('[data-testid=query-check]')), 'line and column said');
    console.log(`[e2e]   checked while typing: "${marked}" underlined at column 20`);
    await page.click('summary:text("How to write a query")');
    await audit(page, 'listening query editor with a syntax error');
    await page.screenshot({ path: `${SHOTS}listening-query.png`, fullPage: true });
  });

  await step('listening: a saved query, its preview and its mentions', async () => {
    await page.fill('[data-testid=query-text]', `("café lumière" OR "cafe lumiere" OR ${marker}) NOT recrutement`);
    await page.waitForSelector('[data-testid=query-check] .notice');
    await page.click('[data-testid=query-preview]');
    await page.waitForSelector('[data-testid=preview]');
    const count = Number((await page.textContent('#preview-title')).match(/\d+/)[0]);
    check(count > 0 && (await page.locator('[data-testid=preview] [data-testid=mention]').count()) > 0,
      `the demo's Café Lumière mentions are in the preview (${count})`);
    console.log(`[e2e]   preview: ${count} mentions over 7 days`);
    await page.click('[data-testid=query-save]');
    const row = page.locator('[data-testid=query]', { hasText: marker });
    await row.waitFor();
    check((await row.textContent()).includes('the brand'), 'the query is tagged brand');
    // Mentions heard from now on are matched against it.
    // A post and its repost: one story of two near-duplicates. Words of its own, so that the post is no
    // near-duplicate of an earlier run's (that story would be headed by the earlier one).
    const own = randomUUID().replace(/-/g, '').match(/.{4}/g).join(' ');
    const text = `Le Café Lumière ${marker} sert le meilleur flat white de Lyon ${own}, bravo à toute l'équipe !`;
    await recordMention(marker, text, { language: 'fr' });
    await recordMention(marker, `RT @fan: ${text} https://t.co/e2e`, { language: 'fr' });
    await row.getByRole('link', { name: 'Its mentions' }).click();
    const mentions = page.locator('[data-testid=mention]', { hasText: marker });
    await mentions.first().waitFor();
    check((await mentions.count()) === 2, `both mentions are matched by the query: ${await mentions.count()}`);
    check((await page.locator('[data-testid=mention] .author', { hasText: `<b>${marker}</b>` }).count()) === 2, 'the author\'s HTML as text');
    const link = await mentions.first().getByRole('link', { name: 'Open the original' }).getAttribute('href');
    check(link === `https://blog.example.fr/${marker}`, `open the original: ${link}`);
  });

  await step('listening: the stream\'s filters and stories', async () => {
    await page.fill('[data-testid=mentions-q]', marker);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=mention]').length === 2);
    await page.check('[data-testid=mentions-stories]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=mention]').length === 1, null, { timeout: 10_000 })
      .catch(() => { throw new Error('the two near-duplicates are not one story'); });
    check((await page.textContent('[data-testid=story-size]')).includes('2 near-duplicates'), 'the story counts its two mentions');
    const sentiment = page.locator('label', { hasText: 'Sentiment' }).locator('select');
    await sentiment.selectOption('negative');
    await page.waitForSelector('text=No mention here');
    await sentiment.selectOption('');
    await page.waitForSelector('[data-testid=mention]');
    await audit(page, 'listening mentions');
    await page.screenshot({ path: `${SHOTS}listening-mentions.png`, fullPage: true });
  });

  await step('listening: sources with their state, add and remove', async () => {
    await page.click('a[href="#listening/sources"]');
    await page.waitForSelector('#sources-title');
    await page.click('[data-testid=source-new]');
    await page.selectOption('#source-type', 'webhook');
    await page.click('[data-testid=source-form] button[type=submit]');
    await page.waitForSelector('[data-testid=webhook-secret]');
    const path = (await page.textContent('[data-testid=webhook-secret] code')).trim();
    const row = page.locator('[data-testid=source]', { hasText: path });
    await row.waitFor();
    check((await row.locator('[data-testid=source-state]').textContent()) === 'listening', 'a new source listens');
    await row.getByRole('button', { name: `Pause ${path}` }).click();
    await row.locator('[data-testid=source-state]', { hasText: 'paused' }).waitFor();
    await row.getByRole('button', { name: `Resume ${path}` }).click();
    await row.locator('[data-testid=source-state]', { hasText: 'listening' }).waitFor();
    await audit(page, 'listening sources');
    await page.screenshot({ path: `${SHOTS}listening-sources.png`, fullPage: true });
    await row.getByRole('button', { name: `Remove ${path}` }).click();
    await row.getByRole('button', { name: 'Yes, remove it' }).click();
    await row.waitFor({ state: 'detached' });
  });

  await step('listening: a keyword alert rule and the alert it raises; the query edited, then removed', async () => {
    await page.click('a[href="#listening/alerts"]');
    await page.waitForSelector('#alerts-title');
    await page.click('[data-testid=alert-new]');
    await page.fill('#alert-name', `e2e ${marker}`);
    await page.fill('#alert-keywords', `${marker}\nrappel produit`);
    await page.click('[data-testid=alert-form] button[type=submit]');
    const rule = page.locator('[data-testid=alert-rule]', { hasText: marker });
    await rule.waitFor();
    await recordMention(`${marker}b`, `Rappel produit chez Café Lumière ? ${marker}`);
    for (let i = 0; i < 20 && (await rule.locator('summary').count()) === 0; i++) {
      await page.reload();
      await page.waitForSelector('#alerts-title');
      await page.waitForTimeout(500);
    }
    await rule.locator('summary').click();
    check((await rule.textContent()).includes('History (1 alerts)'), 'the rule\'s history holds its alert');
    await audit(page, 'listening alerts');
    await page.screenshot({ path: `${SHOTS}listening-alerts.png`, fullPage: true });
    await rule.getByRole('button', { name: 'Remove' }).click();
    await rule.getByRole('button', { name: 'Yes, remove it' }).click();
    await rule.waitFor({ state: 'detached' });
    // The query, edited into a competitor's, then removed: the demo keeps only its own.
    await page.click('a[href="#listening/queries"]');
    const query = page.locator('[data-testid=query]', { hasText: marker });
    await query.getByRole('button', { name: 'Edit' }).click();
    await page.check('input[name=subject] >> nth=1');
    await page.fill('#query-competitor', 'Torréfaction Rivale');
    await page.click('[data-testid=query-save]');
    await query.locator('.tag', { hasText: 'competitor: Torréfaction Rivale' }).waitFor();
    await query.getByRole('button', { name: 'Remove' }).click();
    await query.getByRole('button', { name: 'Yes, remove it' }).click();
    await query.waitFor({ state: 'detached' });
  });
  check(problems.length === 0, problems.join('; '));
  await context.close();
}
