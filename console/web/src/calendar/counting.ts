// The networks' text limits, counted exactly as publishing counts them (publishing-service's
// network/TextUnit.java and Network.java), so that the composer blocks what the server would refuse
// and nothing else. Each rule below names the Java it mirrors; test/counting.test.mjs runs the
// server's own test cases (NetworkTest, PostValidationTest) against it.

export type Network = 'mastodon' | 'bluesky' | 'linkedin' | 'x' | 'facebook' | 'instagram';
export type Unit = 'characters' | 'graphemes' | 'weighted';

export const NETWORKS: Network[] = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'instagram'];

export const LIMITS: Record<Network, { max: number; unit: Unit }> = {
  mastodon: { max: 500, unit: 'characters' },
  bluesky: { max: 300, unit: 'graphemes' },
  linkedin: { max: 3000, unit: 'characters' },
  x: { max: 280, unit: 'weighted' },
  facebook: { max: 63206, unit: 'characters' },
  instagram: { max: 2200, unit: 'characters' },
};

export const INSTAGRAM_HASHTAGS = 30;
export const INSTAGRAM_MENTIONS = 20;
const X_URL_LENGTH = 23;

/** CHARACTERS: code points (String.codePointCount), an emoji outside the BMP counts once. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Indic conjunct breaks (Unicode 15.1's rule GB9c) join "क्ष" into one cluster in today's browsers;
// the server's Java 17 regex \X predates that rule and breaks after the virama. A consonant letter
// that follows a virama (then only marks or ZWJ) therefore starts a new grapheme here too.
const VIRAMA = new Set([0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d]);
const LETTER = /\p{L}/u;
const EXTEND = /[\p{M}\u200D]/u;

/** GRAPHEMES: extended grapheme clusters as Java 17's \X finds them. */
export function graphemes(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    let start = 0;
    let sawVirama = false;
    let offset = 0;
    for (const cp of segment) {
      const code = cp.codePointAt(0)!;
      if (offset > 0 && sawVirama && LETTER.test(cp)) {
        out.push(segment.slice(start, offset));
        start = offset;
        sawVirama = false;
      } else if (VIRAMA.has(code)) {
        sawVirama = true;
      } else if (!EXTEND.test(cp)) {
        sawVirama = false;
      }
      offset += cp.length;
    }
    out.push(segment.slice(start));
  }
  return out;
}

// Java 17's \b (Pattern.Bound, without UNICODE_CHARACTER_CLASS): a word character is a letter, a digit
// or '_', and so is a non-spacing mark that follows a letter or digit (through other such marks).
// A URL starts with a word character or '-', where Java's right side is a plain word test.
const WORD = '[\\p{L}\\p{Nd}_]';
const LEFT_WORD = `(?:${WORD}|[\\p{L}\\p{Nd}]\\p{Mn}+)`;
const BOUNDARY = `(?:(?<!${LEFT_WORD})(?=${WORD})|(?<=${LEFT_WORD})(?!${WORD}))`;
// Java's \s is ASCII whitespace only; (?i) without UNICODE_CASE folds ASCII only: spelt out here.
const NOT_SPACE = '[^ \\t\\n\\x0B\\f\\r]';
const ci = (word: string) => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');
const TLDS = ['com', 'org', 'net', 'fr', 'io', 'co', 'de', 'uk', 'be', 'ch', 'ca', 'eu', 'app', 'dev'];
/** What X turns into a t.co link: a scheme URL, or a bare domain with a common TLD (TextUnit.URL). */
const URL = new RegExp(
  `${BOUNDARY}(?:${ci('http')}${ci('s')}?://${NOT_SPACE}+|(?:[a-zA-Z0-9-]+\\.)+(?:${TLDS.map(ci).join('|')})(?:/${NOT_SPACE}*)?)`,
  'gu',
);

function xWeight(code: number): number {
  const light = code <= 0x10ff || (code >= 0x2000 && code <= 0x200d) || (code >= 0x2010 && code <= 0x201f)
    || (code >= 0x2032 && code <= 0x2037);
  return light ? 1 : 2;
}

/** TextUnit.isEmoji, operator precedence included. */
function isEmoji(grapheme: string): boolean {
  const first = grapheme.codePointAt(0)!;
  const surrogate = grapheme.charCodeAt(0) >= 0xd800 && grapheme.charCodeAt(0) <= 0xdfff;
  return (surrogate && first >= 0x1f000 && first <= 0x1faff) || (first >= 0x2600 && first <= 0x27bf)
    || (first >= 0x1f1e6 && first <= 0x1f1ff) || grapheme.includes('\uFE0F');
}

/** X_WEIGHTED: twitter-text v3 as the server applies it (NFC, URLs 23, emoji 2, CJK 2, Latin 1). */
export function xWeighted(text: string): number {
  const normalized = text.normalize('NFC');
  let weight = 0;
  // Each URL becomes one space (weight 1) plus 22, as the server does it.
  const rest = normalized.replace(URL, () => {
    weight += X_URL_LENGTH - 1;
    return ' ';
  });
  for (const grapheme of graphemes(rest)) {
    if (isEmoji(grapheme)) weight += 2;
    else for (const cp of grapheme) weight += xWeight(cp.codePointAt(0)!);
  }
  return weight;
}

export function measure(network: Network, text: string): number {
  switch (LIMITS[network].unit) {
    case 'graphemes':
      return graphemes(text).length;
    case 'weighted':
      return xWeighted(text);
    default:
      return codePoints(text);
  }
}

// Network.HASHTAG: (?U)(?<![\w#])#\w+ — with UNICODE_CHARACTER_CLASS, \w is alphabetic, marks, digits,
// connector punctuation and the join controls. Network.MENTION: ASCII \w.
const UWORD = '[\\p{Alphabetic}\\p{Mn}\\p{Me}\\p{Mc}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
const HASHTAG = new RegExp(`(?<![${UWORD.slice(1, -1)}#])#${UWORD}+`, 'gu');
const MENTION = /(?<![A-Za-z0-9_@])@[A-Za-z0-9._]+/g;

export function hashtags(text: string): number {
  return (text.match(HASHTAG) ?? []).length;
}

export function mentions(text: string): number {
  return (text.match(MENTION) ?? []).length;
}

export interface Count {
  count: number;
  max: number;
  unit: Unit;
  over: boolean;
  /** Instagram's hashtag and mention limits, when broken. */
  hashtags?: number;
  mentions?: number;
}

/** What the composer shows under a variant, and whether the server would refuse its text. */
export function countFor(network: Network, text: string): Count {
  const { max, unit } = LIMITS[network];
  const count = measure(network, text);
  const result: Count = { count, max, unit, over: count > max };
  if (network === 'instagram') {
    const h = hashtags(text);
    const m = mentions(text);
    if (h > INSTAGRAM_HASHTAGS) result.hashtags = h;
    if (m > INSTAGRAM_MENTIONS) result.mentions = m;
    if (h > INSTAGRAM_HASHTAGS || m > INSTAGRAM_MENTIONS) result.over = true;
  }
  return result;
}
