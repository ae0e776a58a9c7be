// Issue 25's screens: the client's approval page, the import report, export periods, repeat rules, approval links.
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

async function load(path) {
  const bundle = buildSync({
    entryPoints: [new URL(path, import.meta.url).pathname], bundle: true, format: 'esm', write: false, platform: 'neutral',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}
const approve = await load('../src/approve/model.ts');
const report = await load('../src/bulk/report.ts');
const rule = await load('../src/recurrence/rule.ts');
const links = await load('../src/approvallink/links.ts');
const messages = await load('../src/approve/messages.ts');

const TOKEN = 'AZNnXq0SfcmvW1lmo3xTdQ.k1.Qm9ndXNNYWNPZlRoaXJ0eVR3b0J5dGVz';

test('the client page takes the token from its fragment, and only a token of three base64url parts', () => {
  assert.equal(approve.tokenOf(`#${TOKEN}`), TOKEN);
  assert.equal(approve.tokenOf(''), null);
  assert.equal(approve.tokenOf('#a.b'), null);
  assert.equal(approve.tokenOf('#../../brands/x.y.z'), null);
  assert.equal(approve.tokenOf('#a.b.c/posts'), null);
  assert.equal(links.clientUrlOf('https://tribu.example.com', TOKEN), `https://tribu.example.com/approve.html#${TOKEN}`);
  assert.equal(approve.tokenOf(new URL(links.clientUrlOf('https://x.test', TOKEN)).hash), TOKEN, 'the link the agency copies opens');
});

test('publishing\'s answers become the page: posts, no such link, no longer valid, too many requests, down', () => {
  const view = { brandId: 'cafe-lumiere', expiresAt: '2026-12-14T10:00:00Z', posts: [] };
  assert.deepEqual(approve.stateOf(200, view, null), { kind: 'posts', view });
  assert.deepEqual(approve.stateOf(404, { type: 'https://tribu.io/problems/not-found' }, null), { kind: 'not-found' });
  assert.deepEqual(approve.stateOf(410, { type: 'https://tribu.io/problems/link-gone' }, null), { kind: 'gone' });
  assert.deepEqual(approve.stateOf(429, null, '42'), { kind: 'busy', retryAfterSeconds: 42 });
  assert.deepEqual(approve.stateOf(429, null, 'Wed, 21 Oct 2026 07:28:00 GMT'), { kind: 'busy', retryAfterSeconds: null });
  assert.deepEqual(approve.stateOf(503, null, '5'), { kind: 'unavailable' });
  assert.deepEqual(approve.stateOf(200, { unexpected: true }, null), { kind: 'unavailable' }, 'an answer without posts is no page of posts');
});

test('a change request needs a comment; an approval may have one', () => {
  assert.deepEqual(approve.decisionOf('request-changes', '   '), { missing: 'comment' });
  assert.deepEqual(approve.decisionOf('request-changes', ' Plutôt « bûche » '), { body: { action: 'request-changes', comment: 'Plutôt « bûche »' } });
  assert.deepEqual(approve.decisionOf('approve', ''), { body: { action: 'approve' } });
  assert.deepEqual(approve.decisionOf('approve', 'Parfait'), { body: { action: 'approve', comment: 'Parfait' } });
  assert.deepEqual([200, 409, 410, 404, 400, 429, 502, 0].map(approve.outcomeOf),
    ['done', 'already-decided', 'gone', 'not-found', 'invalid', 'busy', 'unavailable', 'unavailable']);
});

test('the client page speaks French to a French browser unless the client chose, and has every text in both', () => {
  assert.equal(approve.languageOf(null, 'fr-CA'), 'fr');
  assert.equal(approve.languageOf(null, 'de-DE'), 'en');
  assert.equal(approve.languageOf('en', 'fr-FR'), 'en');
  assert.deepEqual(Object.keys(messages.approveMessages.fr).sort(), Object.keys(messages.approveMessages.en).sort());
  assert.equal(approve.isWebAddress('javascript:alert(1)'), false);
  assert.equal(approve.isWebAddress('https://cdn.example/a.jpg'), true);
});

test('the import report lists the header first, then rows by line, and counts the rows refused', () => {
  const rows = report.reportOf({
    type: 'https://tribu.io/problems/invalid-import',
    violations: [
      { row: 3, line: 5, field: 'bluesky', message: 'must be at most 300 graphemes' },
      { row: 1, line: 2, field: 'plannedAt', message: 'must be an ISO-8601 instant' },
      { row: 3, line: 5, field: 'bluesky.media', message: 'must be https' },
    ],
  });
  assert.deepEqual(rows.map((r) => [r.row, r.line, r.field]), [[1, 2, 'plannedAt'], [3, 5, 'bluesky'], [3, 5, 'bluesky.media']]);
  assert.equal(report.rowsRefused(rows), 2);
  assert.equal(report.rowsRefused(report.reportOf({ type: 'https://tribu.io/problems/invalid-import', violations: [{ row: 0, line: 1, field: 'colour', message: 'unknown column' }] })), 0);
  assert.equal(report.reportOf({ type: 'about:blank', violations: [] }), null, 'another problem is no report');
});

test('an export period is two days in order, at most 400 of them, saved under the brand and period', () => {
  assert.equal(report.periodProblem('2026-12-01', '2026-12-31'), null);
  assert.equal(report.periodProblem('2026-12-01', '2026-12-01'), null);
  assert.equal(report.periodProblem('2026-12-31', '2026-12-01'), 'order');
  assert.equal(report.periodProblem('2026-01-01', '2027-02-04'), null);
  assert.equal(report.periodProblem('2026-01-01', '2027-02-05'), 'too-long');
  assert.equal(report.periodProblem('', '2026-12-01'), 'missing');
  assert.equal(report.exportFileName('café/lumière', '2026-12-01', '2026-12-31', 'csv'), 'caf__lumi_re-calendar-2026-12-01-2026-12-31.csv');
});

test('a weekly rule starts on the post\'s weekday and time; each kind sends only its own field', () => {
  const form = rule.defaultForm('2026-12-07', '2026-12-10', '18:30');
  assert.deepEqual(form, { repeat: 'weekly', days: ['THURSDAY'], dayOfMonth: '10', everyDays: '14', time: '18:30', startDate: '2026-12-10', endDate: '2027-03-10' });
  assert.equal(rule.defaultForm('2026-12-07', '2026-11-02', null).startDate, '2026-12-07', 'a past plan starts today');
  assert.deepEqual(rule.requestOf('p1', { ...form, days: ['SUNDAY', 'MONDAY'] }),
    { postId: 'p1', repeat: 'weekly', days: ['MONDAY', 'SUNDAY'], time: '18:30', startDate: '2026-12-10', endDate: '2027-03-10' });
  assert.deepEqual(rule.requestOf('p1', { ...form, repeat: 'monthly', dayOfMonth: '31' }),
    { postId: 'p1', repeat: 'monthly', dayOfMonth: 31, time: '18:30', startDate: '2026-12-10', endDate: '2027-03-10' });
  assert.deepEqual(rule.requestOf('p1', { ...form, repeat: 'evergreen', everyDays: '14' }),
    { postId: 'p1', repeat: 'evergreen', everyDays: 14, time: '18:30', startDate: '2026-12-10', endDate: '2027-03-10' });
});

test('the repeat form names each field it cannot send', () => {
  const form = rule.defaultForm('2026-12-07', null, null);
  assert.deepEqual(rule.problemsOf(form), {});
  assert.deepEqual(rule.problemsOf({ ...form, days: [] }), { days: 'required' });
  assert.deepEqual(rule.problemsOf({ ...form, repeat: 'monthly', dayOfMonth: '32' }), { dayOfMonth: 'range' });
  assert.deepEqual(rule.problemsOf({ ...form, repeat: 'evergreen', everyDays: '0' }), { everyDays: 'range' });
  assert.deepEqual(rule.problemsOf({ ...form, time: '24:00' }), { time: 'required' });
  assert.deepEqual(rule.problemsOf({ ...form, endDate: '2026-12-06' }), { endDate: 'order' });
  assert.deepEqual(rule.problemsOf({ ...form, endDate: '2028-12-07' }), {});
  assert.deepEqual(rule.problemsOf({ ...form, endDate: '2028-12-08' }), { endDate: 'too-long' });
});

test('the calendar shows as occurrences those that are not posts of their own, of the series running then', () => {
  const states = ['upcoming', 'scheduled', 'missed', 'skipped', 'detached', 'failed'];
  assert.deepEqual(states.filter((state) => rule.shownAsOccurrence({ state })), ['upcoming', 'missed', 'skipped', 'failed']);
  assert.deepEqual(states.filter((state) => rule.stillOpen({ state })), ['upcoming']);
  const series = [
    { id: 'a', startDate: '2026-11-01', endDate: '2026-11-30', stoppedAt: null },
    { id: 'b', startDate: '2026-12-01', endDate: '2027-01-31', stoppedAt: null },
    { id: 'c', startDate: '2026-12-01', endDate: '2027-01-31', stoppedAt: '2026-12-02T10:00:00Z' },
    { id: 'd', startDate: '2027-01-05', endDate: '2027-02-01', stoppedAt: null },
  ];
  assert.deepEqual(rule.activeBetween(series, '2026-11-30', '2027-01-10').map((s) => s.id), ['a', 'b', 'd']);
  assert.deepEqual(rule.activeBetween(series, '2026-12-01', '2027-01-04').map((s) => s.id), ['b']);
});

test('a link is revoked, else expired at its expiry instant, else active; 1 to 30 days', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  assert.equal(links.stateOf({ expiresAt: '2026-12-08T10:00:00Z', revokedAt: null }, now), 'active');
  assert.equal(links.stateOf({ expiresAt: '2026-12-07T10:00:00Z', revokedAt: null }, now), 'expired');
  assert.equal(links.stateOf({ expiresAt: '2026-12-01T10:00:00Z', revokedAt: '2026-11-30T10:00:00Z' }, now), 'revoked');
  assert.deepEqual(['0', '1', '30', '31', '7.5', ''].map(links.validDays), [false, true, true, false, false, false]);
});
