package io.tribu.listening.enrich;

import java.util.Arrays;
import java.util.List;

/**
 * The features the trained sentiment model reads from a text: hashed sparse features (words, word pairs,
 * character 3- to 5-grams inside French words, emoji; a word in a negation scope is a different feature from the
 * same word outside one, "¬bon" vs "bon") and a few dense ones from the lexicon rules (compound score,
 * positive and negative mass, negation, contrast, punctuation). Word-level features are hashed with the
 * language, so French and English words do not share weights; emoji and the dense features are shared.
 *
 * @param buckets sparse feature indices in [0, 2^bits), possibly repeated
 * @param dense   the dense feature values, {@link #DENSE} of them
 */
record SentimentFeatures(int[] buckets, int count, double[] dense) {

    static final int DENSE = 22;

    /** Value of each sparse feature: 1/sqrt(count), so long and short texts weigh the same against the dense signals. */
    double sparseValue() {
        return count == 0 ? 0 : 1.0 / Math.sqrt(count);
    }

    private static final int WORD = 0x2f1a;
    private static final int PAIR = 0x51c3;
    private static final int CHARS = 0x7b29;
    private static final int EMOJI = 0x3d57;

    static SentimentFeatures extract(List<Token> tokens, TokenMarks marks, LexiconScore lexicon, boolean isFrench, int bits) {
        int mask = (1 << bits) - 1;
        int language = isFrench ? 0x46 : 0x45;
        int[] out = new int[16 + tokens.size() * 24];
        int n = 0;
        String previous = "<s>";
        int words = 0;
        int capsWords = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int phrase = marks.phraseLength[i];
            if (phrase < 0) {
                continue; // inside a fixed expression, already counted as a whole
            }
            String key = switch (t.kind()) {
                case WORD, HASHTAG -> {
                    String k = phrase > 1 ? phraseKey(tokens, i, phrase) : t.key();
                    yield marks.negated[i] ? "¬" + k : k;
                }
                case URL -> "<url>";
                case MENTION -> "<user>";
                case NUMBER -> "<num>";
                default -> t.key();
            };
            if (t.kind() == Token.Kind.EMOJI || t.kind() == Token.Kind.EMOTICON) {
                out = grow(out, n + 2);
                out[n++] = hash(EMOJI, 0, key) & mask;
            } else {
                out = grow(out, n + 2);
                out[n++] = hash(WORD, language, key) & mask;
            }
            out[n++] = hash2(PAIR, language, previous, key) & mask;
            previous = key;
            if (t.isWord()) {
                words++;
                if (t.allCaps()) {
                    capsWords++;
                }
                String k = t.key();
                if (isFrench && phrase == 1 && k.length() >= 3) {
                    // character n-grams of " word " give French inflections and misspellings a shared weight
                    // (cross-validated: +0.01 macro-F1 in French, -0.01 in English, so French only)
                    int len = k.length() + 2;
                    out = grow(out, n + 3 * len);
                    for (int size = 3; size <= 5; size++) {
                        for (int from = 0; from + size <= len; from++) {
                            out[n++] = charGram(CHARS, language, k, from, size) & mask;
                        }
                    }
                }
            }
        }
        out = grow(out, n + 1);
        out[n++] = hash2(PAIR, language, previous, "</s>") & mask;

        double[] d = new double[DENSE];
        // the signals once for all texts (0..10), and again for French only (11..21): a French correction
        signals(d, 0, lexicon, words, capsWords);
        if (isFrench) {
            signals(d, DENSE / 2, lexicon, words, capsWords);
        }
        return new SentimentFeatures(out, n, d);
    }

    private static void signals(double[] d, int at, LexiconScore lexicon, int words, int capsWords) {
        d[at] = 1.0;
        d[at + 1] = lexicon.compound();
        d[at + 2] = Math.min(lexicon.positive(), 6.0) / 3.0;
        d[at + 3] = Math.min(lexicon.negative(), 6.0) / 3.0;
        d[at + 4] = lexicon.hits() == 0 ? 1.0 : 0.0;
        d[at + 5] = lexicon.negatedHits() > 0 ? 1.0 : 0.0;
        d[at + 6] = lexicon.contrast() ? 1.0 : 0.0;
        d[at + 7] = Math.min(lexicon.exclamations(), 3) / 3.0;
        d[at + 8] = Math.min(lexicon.questions(), 3) / 3.0;
        d[at + 9] = words == 0 ? 0 : capsWords / (double) words;
        d[at + 10] = Math.min(words, 40) / 40.0;
    }

    private static String phraseKey(List<Token> tokens, int start, int length) {
        StringBuilder b = new StringBuilder();
        for (int k = start; k < start + length; k++) {
            if (k > start) {
                b.append('_');
            }
            b.append(tokens.get(k).key());
        }
        return b.toString();
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    private static int hash(int kind, int language, String s) {
        int h = start(kind, language);
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return finish(h);
    }

    private static int hash2(int kind, int language, String a, String b) {
        int h = start(kind, language);
        for (int i = 0; i < a.length(); i++) {
            h = (h ^ a.charAt(i)) * 0x01000193;
        }
        h = (h ^ 0x1f) * 0x01000193;
        for (int i = 0; i < b.length(); i++) {
            h = (h ^ b.charAt(i)) * 0x01000193;
        }
        return finish(h);
    }

    /** Hash of the characters [from, from + size) of " " + word + " ". */
    private static int charGram(int kind, int language, String word, int from, int size) {
        int h = start(kind, language);
        for (int i = from; i < from + size; i++) {
            char ch = i == 0 || i == word.length() + 1 ? ' ' : word.charAt(i - 1);
            h = (h ^ ch) * 0x01000193;
        }
        return finish(h);
    }

    private static int start(int kind, int language) {
        return ((0x811c9dc5 ^ kind) * 0x01000193 ^ language) * 0x01000193;
    }

    /** murmur3's finaliser: FNV-1a alone leaves the low bits, the ones the mask keeps, poorly mixed. */
    private static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
