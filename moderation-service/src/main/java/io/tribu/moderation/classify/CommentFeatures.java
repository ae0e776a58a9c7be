package io.tribu.moderation.classify;

import java.util.Arrays;
import java.util.List;

/**
 * What the trained label model reads from a comment ({@link Text}: folded, leetspeak undone):
 * <ul>
 *   <li>hashed sparse features: each word, each pair of neighbouring words, and the character 3- to 5-grams of
 *       " word " (a misspelt or inflected word shares most of its n-grams with the plain one: "tués" and "tuer");
 *       a word inside a negation scope ("don't hate", "ne ... pas") is another feature than the same word outside;</li>
 *   <li>who is targeted: when the comment names a protected group (see {@link #GROUPS}) or addresses someone in
 *       the second person, every word is also hashed joined with that fact, so "vermin" next to a group weighs
 *       differently from "vermin" about a bug;</li>
 *   <li>emoji, each one a feature;</li>
 *   <li>a few dense signals: group named, second person, negation, quotation, length, capitals, a link.</li>
 * </ul>
 * Every sparse feature remembers the token it came from, so the model can say which words drove a score.
 *
 * @param buckets sparse feature indices in [0, 2^bits), possibly repeated
 * @param origins for each bucket, the token it came from (an index in {@link Text#tokens}), or -1
 * @param count   how many of {@code buckets} are used
 * @param dense   {@link #DENSE} dense values
 */
record CommentFeatures(int[] buckets, int[] origins, int count, double[] dense) {

    static final int DENSE = 9;

    /**
     * Protected groups, English and French (folded; "*" for stems): the rules' list ({@link ToxicityClassifier#GROUPS})
     * and a few more nationalities; general vocabulary, not taken from any data set.
     */
    static final Lexicon GROUPS = ToxicityClassifier.GROUPS.plus(List.of("mexicans", "africans", "indians",
            "africain*", "chinois"));

    /** Slurs name a group too: a comment using one targets it ({@link ToxicityClassifier#SLURS}). */
    static final Lexicon SLURS = ToxicityClassifier.SLURS;

    private static final int WORD = 0x2f1a;
    private static final int PAIR = 0x51c3;
    private static final int CHARS = 0x7b29;
    private static final int EMOJI = 0x3d57;
    private static final int GROUP = 0x6e11;
    private static final int ADDRESSED = 0x1c8d;

    /** Value of each sparse feature: 1/sqrt(count), so long and short comments weigh alike. */
    double sparseValue() {
        return count == 0 ? 0 : 1.0 / Math.sqrt(count);
    }

    static CommentFeatures extract(Text text, int bits) {
        int mask = (1 << bits) - 1;
        List<String> tokens = text.tokens;
        boolean group = false;
        boolean addressed = false;
        boolean negation = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            group |= GROUPS.match(token) != null || SLURS.match(token) != null;
            addressed |= Cues.secondPerson(tokens, i);
        }
        int[] buckets = new int[16 + tokens.size() * 40];
        int[] origins = new int[buckets.length];
        int n = 0;
        String previous = "<s>";
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean negated = Cues.negated(tokens, i);
            negation |= negated;
            String key = negated ? "¬" + token : token;
            int len = token.length() + 2;
            int needed = n + 6 + (len > 4 ? 3 * len : 0);
            if (needed > buckets.length) {
                buckets = Arrays.copyOf(buckets, needed * 2);
                origins = Arrays.copyOf(origins, needed * 2);
            }
            origins[n] = i;
            buckets[n++] = hash(WORD, key, null) & mask;
            origins[n] = i;
            buckets[n++] = hash(PAIR, previous, key) & mask;
            if (group) {
                origins[n] = i;
                buckets[n++] = hash(GROUP, key, null) & mask;
            }
            if (addressed) {
                origins[n] = i;
                buckets[n++] = hash(ADDRESSED, key, null) & mask;
            }
            if (token.length() >= 3) {
                for (int size = 3; size <= 5; size++) {
                    for (int from = 0; from + size <= len; from++) {
                        origins[n] = i;
                        buckets[n++] = charGram(token, from, size) & mask;
                    }
                }
            }
            previous = key;
        }
        int emoji = 0;
        String raw = text.raw;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.OTHER_SYMBOL && cp > 0x2000) {
                emoji++;
                if (n + 1 >= buckets.length) {
                    buckets = Arrays.copyOf(buckets, buckets.length * 2);
                    origins = Arrays.copyOf(origins, origins.length * 2);
                }
                origins[n] = -1;
                buckets[n++] = hash(EMOJI, Character.toString(cp), null) & mask;
            }
        }
        double[] dense = new double[DENSE];
        dense[0] = 1.0;
        dense[1] = group ? 1.0 : 0.0;
        dense[2] = addressed ? 1.0 : 0.0;
        dense[3] = negation ? 1.0 : 0.0;
        dense[4] = Cues.quoted(raw) ? 1.0 : 0.0;
        dense[5] = Math.min(tokens.size(), 60) / 60.0;
        dense[6] = capitals(raw);
        dense[7] = raw.contains("http") || raw.contains("www.") ? 1.0 : 0.0;
        dense[8] = Math.min(emoji, 3) / 3.0;
        return new CommentFeatures(buckets, origins, n, dense);
    }

    private static double capitals(String raw) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters < 8 ? 0 : upper / (double) letters;
    }

    private static int hash(int kind, String a, String b) {
        int h = (0x811c9dc5 ^ kind) * 0x01000193;
        for (int i = 0; i < a.length(); i++) {
            h = (h ^ a.charAt(i)) * 0x01000193;
        }
        if (b != null) {
            h = (h ^ 0x1f) * 0x01000193;
            for (int i = 0; i < b.length(); i++) {
                h = (h ^ b.charAt(i)) * 0x01000193;
            }
        }
        return finish(h);
    }

    /** Hash of the characters [from, from + size) of " " + word + " ". */
    private static int charGram(String word, int from, int size) {
        int h = (0x811c9dc5 ^ CHARS) * 0x01000193;
        for (int i = from; i < from + size; i++) {
            char ch = i == 0 || i == word.length() + 1 ? ' ' : word.charAt(i - 1);
            h = (h ^ ch) * 0x01000193;
        }
        return finish(h);
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
