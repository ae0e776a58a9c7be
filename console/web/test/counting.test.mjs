// The composer's counters against the cases publishing's own tests use (NetworkTest,
// PostValidationTest): if the server's counting changes, copy its new cases here. Run by `npm test`
// (and so by the Maven build). The TypeScript is bundled by esbuild, which Vite already brings.
import { buildSync } from 'esbuild';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const bundle = buildSync({
  entryPoints: [new URL('../src/calendar/counting.ts', import.meta.url).pathname],
  bundle: true, format: 'esm', write: false, platform: 'neutral',
});
const { codePoints, countFor, graphemes, hashtags, measure, mentions, xWeighted } =
  await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

test('text units (NetworkTest.textUnitsCount): characters, graphemes, UTF-16 units', () => {
  const cases = [
    ['ascii', 'hello', 5, 5, 5],
    ['emoji outside the BMP', '\uD83D\uDE00', 1, 1, 2],
    ['two emoji', '\uD83C\uDF84\u2615', 2, 2, 3],
    ['e and a combining accent', 'e\u0301', 2, 1, 2],
    ['precomposed accent', 'é', 1, 1, 1],
    ['heart and variation select', '\u2764\uFE0F', 2, 1, 2],
    ['Korean jamo syllable', '\u1100\u1161\u11A8', 3, 1, 3],
    ['family joined by ZWJ', '\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67', 5, 1, 8],
    ['thumb with skin tone', '\uD83D\uDC4D\uD83C\uDFFD', 2, 1, 4],
    ['French flag', '\uD83C\uDDEB\uD83C\uDDF7', 2, 1, 4],
  ];
  for (const [name, text, characters, clusters, utf16] of cases) {
    assert.equal(text.length, utf16, `${name}: test data`);
    assert.equal(codePoints(text), characters, `${name}: characters`);
    assert.equal(graphemes(text).length, clusters, `${name}: graphemes`);
  }
});

test('Java 17 breaks Indic conjuncts where browsers (Unicode 15.1) join them', () => {
  assert.equal(graphemes('\u0915\u094D\u0937').length, 2);
  assert.equal(graphemes('\u0915\u094D').length, 1);
  assert.equal(graphemes('a\r\nb').length, 3);
  assert.equal(graphemes('\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDEB').length, 2);
});

test('each network has its limit (NetworkTest.eachNetworkHasItsLimit)', () => {
  for (const [network, limit, unit] of [['mastodon', 500, 'characters'], ['bluesky', 300, 'graphemes'],
    ['linkedin', 3000, 'characters'], ['x', 280, 'weighted'], ['facebook', 63206, 'characters'],
    ['instagram', 2200, 'characters']]) {
    const atLimit = countFor(network, 'a'.repeat(limit));
    assert.deepEqual([atLimit.max, atLimit.unit, atLimit.count, atLimit.over], [limit, unit, limit, false], network);
    assert.equal(countFor(network, 'a'.repeat(limit + 1)).over, true, `${network} + 1`);
  }
});

test('Bluesky counts what a reader sees (NetworkTest, PostValidationTest)', () => {
  assert.equal(measure('bluesky', 'e\u0301'.repeat(300)), 300);
  assert.equal(measure('mastodon', 'e\u0301'.repeat(300)), 600);
  assert.equal(countFor('bluesky', 'e\u0301'.repeat(301)).over, true);
  const noel = `Joyeux Noël ${'🎄'.repeat(300)}`;
  assert.equal(noel.length, 612);
  assert.equal(measure('bluesky', noel), 312);
  assert.equal(countFor('bluesky', '☕🎄😀'.repeat(100)).over, false);
  assert.equal(countFor('mastodon', '🎄'.repeat(500)).over, false);
});

test('X weighs like twitter-text (NetworkTest.xWeighsLikeTwitterText)', () => {
  const cases = [
    ['latin', 'Bonjour à tous', 14],
    ['long URL', 'https://www.cafe-lumiere.fr/carte/hiver?utm=x', 23],
    ['short URL in text', 'Menu : https://t.co/a', 30],
    ['bare domain', 'voir cafe-lumiere.fr', 28],
    ['Chinese', '你好世界', 8],
    ['Japanese kana', 'こんにちは', 10],
    ['emoji', '\uD83C\uDF84\u2615', 4],
    ['family joined by ZWJ', '\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67', 2],
    ['flag', '\uD83C\uDDEB\uD83C\uDDF7', 2],
    ['curly quotes and dash', '\u201Cok\u201D \u2014 oui', 10],
  ];
  for (const [name, text, weight] of cases) assert.equal(xWeighted(text), weight, name);
});

test('X allows 280 weighted characters (NetworkTest, PostValidationTest)', () => {
  assert.equal(xWeighted('你'.repeat(140)), 280);
  assert.equal(xWeighted(`${'你'.repeat(140)}a`), 281);
  assert.equal(xWeighted(`${'a'.repeat(256)} https://example.com/${'x'.repeat(200)}`), 280);
  assert.equal(xWeighted(`${'a'.repeat(256)} https://www.cafe-lumiere.fr/carte/hiver/chocolat-chaud?ref=x`), 280);
  assert.equal(xWeighted(`${'你'.repeat(140)}🎄`), 282);
});

test('X: Java\'s ASCII \\s and ASCII case folding, not JavaScript\'s Unicode ones', () => {
  // A no-break space does not end a URL for Java's [^\s]: the whole rest weighs 23.
  assert.equal(xWeighted('https://a.fr/x\u00A0suite'), 23);
  // The long s (U+017F) folds to "s" for JavaScript's /iu, not for Java's (?i): no scheme URL, only the bare
  // domain after it weighs 23 ("httpſ://" weighs 8).
  assert.equal(xWeighted('httpſ://a.fr'), 8 + 23);
  // A combining mark after a letter is part of a word for Java's \b: no URL starts inside "é\u0301a.uk".
  assert.equal(xWeighted('e\u0301\u0301a.uk/ x'), 9);
  assert.equal(xWeighted('HTTPS://CAFE.FR/A'), 23);
});

test('Instagram hashtags and mentions (NetworkTest.instagramCountsHashtagsAndMentionsAndNeedsMedia)', () => {
  const thirty = `${'#tag '.repeat(30)}${'@a '.repeat(20)}mail@example.com`;
  assert.equal(hashtags(thirty), 30);
  assert.equal(mentions(thirty), 20);
  assert.equal(countFor('instagram', thirty).over, false);
  const over = countFor('instagram', `${'#tag '.repeat(31)}${'@a '.repeat(21)}`);
  assert.deepEqual([over.over, over.hashtags, over.mentions], [true, 31, 21]);
  assert.equal(countFor('mastodon', '#tag '.repeat(40)).over, false);
  assert.equal(hashtags('#noël #café_2 a#b ##c'), 2);
});
