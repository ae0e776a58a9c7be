// The inbox item's evidence highlighting: the service's folded evidence words found again in the text as typed.
// Run by `npm test` (and so by the Maven build).
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const bundle = buildSync({
  entryPoints: [new URL('../src/inbox/evidence.ts', import.meta.url).pathname],
  bundle: true, format: 'esm', write: false, platform: 'neutral',
});
const { evidencePieces, fold } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const marked = (text, evidence) => evidencePieces(text, evidence).filter((p) => p.evidence).map((p) => p.text);

test('folding matches the service: case, accents, leetspeak inside words, numbers left alone', () => {
  assert.equal(fold('Immigrés'), 'immigres');
  assert.equal(fold('b1tch'), 'bitch');
  assert.equal(fold('2024'), '2024');
});

test('the words as typed are marked, the rest of the text is kept whole and in order', () => {
  const text = "T'es vraiment un gros CONNARD, le SAV est nul";
  const pieces = evidencePieces(text, ['connard', 'gros']);
  assert.deepEqual(pieces.filter((p) => p.evidence).map((p) => p.text), ['gros', 'CONNARD']);
  assert.equal(pieces.map((p) => p.text).join(''), text);
  assert.deepEqual(marked('you are a stup1d b1tch!!', ['bitch', 'stupid']), ['stup1d', 'b1tch']);
  assert.deepEqual(marked('Les immigrés sont des parasites', ['parasites', 'immigres']), ['immigrés', 'parasites']);
});

test("the rules' stems mark the words they begin, short words only themselves", () => {
  assert.deepEqual(marked('Vous êtes vraiment des Connards', ['connard']), ['Connards']);
  assert.deepEqual(marked('Les immigrés sont des parasites', ['immigre', 'parasite']), ['immigrés', 'parasites']);
  assert.deepEqual(marked('espèce de débile, des idées', ['de', 'debile']), ['de', 'débile']);
});

test('no evidence, or evidence not in the text (a rule name): nothing is marked', () => {
  assert.deepEqual(evidencePieces('hello', []), [{ text: 'hello', evidence: false }]);
  assert.deepEqual(marked('check my channel', ['self-promotion']), []);
});
