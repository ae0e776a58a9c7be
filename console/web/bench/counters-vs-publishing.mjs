// Compares the composer's counters (src/calendar/counting.ts) with publishing's own TextUnit.java on
// random texts made of the pieces where counting goes wrong (combining marks, ZWJ sequences, flags,
// CJK, Indic conjuncts, URLs and bare domains, Unicode spaces, case-folding traps). Prints how many
// texts differ. Needs javac (JDK 17, as the service runs). Not a unit test: a measurement.
//   node bench/counters-vs-publishing.mjs [texts=100000] [seed=7]
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [count = 100_000, seed0 = 7] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'counters-'));
const textUnit = new URL('../../../publishing-service/src/main/java/io/tribu/publishing/network/TextUnit.java', import.meta.url).pathname;
writeFileSync(join(dir, 'Measure.java'), `package io.tribu.publishing.network;
public class Measure { public static void main(String[] a) throws Exception {
  var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, "UTF-8"));
  var out = new StringBuilder();
  for (String line; (line = in.readLine()) != null; ) {
    String s = new String(java.util.Base64.getDecoder().decode(line), "UTF-8");
    out.append(TextUnit.CHARACTERS.measure(s)).append(' ').append(TextUnit.GRAPHEMES.measure(s)).append(' ')
       .append(TextUnit.X_WEIGHTED.measure(s)).append('\\n');
  }
  System.out.print(out);
} }`);
execFileSync('javac', ['-d', dir, textUnit, join(dir, 'Measure.java')]);
const bundle = buildSync({ entryPoints: [new URL('../src/calendar/counting.ts', import.meta.url).pathname], bundle: true, format: 'esm', write: false });
const { codePoints, graphemes, xWeighted } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const pieces = ['a', 'Z', 'é', 'e\u0301', ' ', '\u00A0', '\u2003', '\n', '\t', '\r\n', '\u2028', 'https://', 'http://', 'HTTPS://',
  'www.', '.com', '.fr', '.COM', '.io/x', 'cafe-lumiere', '-', '_', '/', '?q=1', '#', '@', '.', '..', '1', 'x.co', 'a.uk/',
  'é.fr', '\u0663.fr', 'ⅷ.fr', '你', 'こ', '한', '\u1100\u1161\u11A8', '🎄', '☕', '\u2764\uFE0F', '👍🏽', '👨\u200D👩\u200D👧', '🇫🇷',
  '\u{1FAF8}\u{1F3FD}', '\u212A', '\u017F', 'ß', 'ǅ', '\u00B2', '\u0915\u094D\u0937', '\u094D', '\u0301', '\u200D', '\uFE0F',
  '\u201C', '\u2014', '\u2032', '\u10FF', '\u1100', '١٢', '\u0E01\u0E33'];
let seed = seed0;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const texts = Array.from({ length: count }, () => Array.from({ length: 1 + random(12) }, () => pieces[random(pieces.length)]).join(''));
const started = Date.now();
const java = execFileSync('java', ['-cp', dir, 'io.tribu.publishing.network.Measure'],
  { input: `${texts.map((t) => Buffer.from(t).toString('base64')).join('\n')}\n`, maxBuffer: 1 << 30 }).toString().trim().split('\n');
let differ = 0;
texts.forEach((text, i) => {
  const mine = `${codePoints(text)} ${graphemes(text).length} ${xWeighted(text)}`;
  if (mine !== java[i] && differ++ < 10) console.log(`${JSON.stringify(text)}: publishing ${java[i]}, console ${mine}`);
});
console.log(`${count} texts (seed ${seed0}): ${differ} differ in code points, graphemes or X weight (${Date.now() - started} ms)`);
process.exitCode = differ === 0 ? 0 : 1;
