// The pure parts of the listening query editor (where listening's error position falls in the text) and the
// charter editor (field paths of moderation's violations, the versions' line diff). Run by `npm test`.
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

// One bundle, so that the ApiError the test throws is the class syntax.ts knows.
const bundle = buildSync({
  stdin: {
    contents: "export * from './src/listening/syntax.ts'; export * from './src/charter/model.ts'; export { ApiError } from './src/api/client.ts';",
    resolveDir: new URL('..', import.meta.url).pathname, loader: 'ts',
  },
  bundle: true, format: 'esm', write: false, platform: 'neutral',
});
const { splitAtError, lineAndColumn, syntaxErrorOf, syntaxErrorOfCheck, pathKey, diffLines, withContext, ApiError } =
  await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

test('the error is underlined at listening\'s 1-based character position', () => {
  const error = (position, length = 1) => ({ position, length, line: null, column: null, expected: null, message: '' });
  assert.deepEqual(splitAtError('café AND OR x', error(10, 2)), ['café AND ', 'OR', ' x']);
  assert.deepEqual(splitAtError('café AND OR x', error(10)), ['café AND ', 'O', 'R x']);
  // Past the end (a query that stops too early): a space after the text is underlined.
  assert.deepEqual(splitAtError('café AND', error(9)), ['café AND', '\u00a0', '']);
  // Listening counts UTF-16 units, as JavaScript does: an emoji before the error counts twice.
  assert.deepEqual(splitAtError('\u{1F600} AND', error(4, 3)), ['\u{1F600} ', 'AND', '']);
  // Length 0 (listening's "at the end") or a unit: one character underlined, an emoji whole.
  assert.deepEqual(splitAtError('a \u{1F600} b', error(3, 0)), ['a ', '\u{1F600}', ' b']);
  assert.deepEqual(splitAtError('x', error(0)), ['', 'x', '']);
});

test('line and column of a position, when listening does not say them', () => {
  assert.deepEqual(lineAndColumn('a OR', 5), { line: 1, column: 5 });
  assert.deepEqual(lineAndColumn('café\nAND OR b', 10), { line: 2, column: 5 });
  assert.deepEqual(lineAndColumn('\u{1F600}\n\u{1F600} (', 7), { line: 2, column: 4 });
});

test('a syntax error is read from listening\'s check', () => {
  assert.equal(syntaxErrorOfCheck({ valid: true }), null);
  assert.deepEqual(syntaxErrorOfCheck({ valid: false, error: { message: 'm', position: 9, offset: 8, line: 1, column: 9, length: 0, expected: 'a word' } }),
    { position: 9, length: 0, line: 1, column: 9, expected: 'a word', message: 'm' });
});

test('a syntax error is read from listening\'s problem; other problems are not one', () => {
  const problem = (extra) => new ApiError({ status: 400, detail: 'query: unexpected end', violations: [{ field: 'query', message: 'unexpected end of query at position 9' }], ...extra });
  assert.deepEqual(syntaxErrorOf(problem({ position: 9, expected: 'a word' })),
    { position: 9, length: 1, line: null, column: null, expected: 'a word', message: 'unexpected end of query at position 9' });
  assert.equal(syntaxErrorOf(problem({ position: 3, length: 2, line: 1, column: 3 })).length, 2);
  assert.equal(syntaxErrorOf(problem({})), null);
  assert.equal(syntaxErrorOf(new Error('x')), null);
});

test('moderation\'s field paths and JSON pointers name the same field', () => {
  assert.equal(pathKey('rules[1].when.all[0].label.minScore'), 'rules/1/when/all/0/label/minScore');
  assert.equal(pathKey('/rules/1/when/all/0/label/minScore'), 'rules/1/when/all/0/label/minScore');
  assert.equal(pathKey('timezone'), 'timezone');
  assert.equal(pathKey('/a~1b/c~0d'), 'a/b/c~d');
});

test('the line diff keeps the common lines and marks the others', () => {
  const diff = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']);
  assert.deepEqual(diff.map((d) => `${d.kind[0]}${d.text}`), ['sa', 'rb', 'sc', 'ax', 'sd']);
  assert.deepEqual(diffLines([], ['a']), [{ kind: 'added', text: 'a' }]);
  assert.deepEqual(diffLines(['a'], []), [{ kind: 'removed', text: 'a' }]);
  // Every line of either side is there once, in order.
  const a = 'one two three four five six seven'.split(' ');
  const b = 'zero two three five six eight seven'.split(' ');
  const out = diffLines(a, b);
  assert.deepEqual(out.filter((d) => d.kind !== 'added').map((d) => d.text), a);
  assert.deepEqual(out.filter((d) => d.kind !== 'removed').map((d) => d.text), b);
  assert.equal(out.filter((d) => d.kind === 'same').length, 5);
});

test('long unchanged runs are folded, three lines of context kept around a change', () => {
  const lines = (n, prefix) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const diff = diffLines([...lines(10, 's'), 'old', ...lines(10, 't')], [...lines(10, 's'), 'new', ...lines(10, 't')]);
  const folded = withContext(diff);
  assert.deepEqual(folded.map((d) => (d.kind === 'skipped' ? `…${d.count}` : d.text)),
    ['…7', 's7', 's8', 's9', 'old', 'new', 't0', 't1', 't2', '…7']);
  const short = diffLines(['a', 'b', 'c'], ['a', 'x', 'c']);
  assert.deepEqual(withContext(short), short);
});
