package io.tribu.listening.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A MinHash signature of a text's word pairs (Broder 1997): two texts agree on each of its {@link #SIZE} minimums with
 * probability their Jaccard similarity, so syndicated copies (another header, a footer, a tracking link), reposts
 * ("RT @someone: ...") and cut-off copies ("…") agree on most of them and unrelated texts on almost none. Words are
 * folded (case, accents), links, handles and a leading "RT" are ignored. Texts shorter than {@link #MIN_WORDS} words
 * get no signature: two people writing "j'adore Café Lumière" are not one story.
 *
 * <p>Lookup (locality-sensitive hashing): the signature's {@link #BANDS} bands of {@link #ROWS} minimums each become
 * one 64-bit key, salted with the tenant and brand; copies share a key with high probability (Jaccard 0.6: 0.77, 0.8:
 * 0.99), unrelated texts practically never (three minimums equal at once), so a database index on the keys reads
 * the copies and nothing else, however many mentions are stored. A candidate is the same story when at least
 * {@link #MIN_AGREEMENT} of the {@link #SIZE} minimums agree (estimated Jaccard of 0.4). Measured on a labelled set of the shared tweets:
 * {@code bench/near-duplicates.sh}, figures in docs/enrichment.md.
 *
 * @param signature the minimums, or null when the text is too short (see {@link #isUsable()})
 */
public record TextFingerprint(int[] signature) {

    public static final int MIN_WORDS = 8;
    public static final int BANDS = 6;
    static final int ROWS = 3;
    public static final int SIZE = BANDS * ROWS;
    /** Minimums that must agree for two texts to be one story (7 of 18: Jaccard about 0.4 or more). */
    public static final int MIN_AGREEMENT = 7;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public static TextFingerprint of(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return new TextFingerprint(null);
        }
        int[] minimums = new int[SIZE];
        Arrays.fill(minimums, Integer.MAX_VALUE);
        for (int i = 0; i + 1 < words.size(); i++) {
            long pair = hash(words.get(i), words.get(i + 1));
            for (int j = 0; j < SIZE; j++) {
                // one hash function per minimum: the pair's hash re-mixed with the minimum's own constant
                int value = (int) (mix(pair + GOLDEN * (j + 1)) >>> 33);
                if (value < minimums[j]) {
                    minimums[j] = value;
                }
            }
        }
        return new TextFingerprint(minimums);
    }

    public boolean isUsable() {
        return signature != null;
    }

    /** How many minimums the two signatures share (0 when either is unusable). */
    public int agreement(TextFingerprint other) {
        if (!isUsable() || !other.isUsable()) {
            return 0;
        }
        int same = 0;
        for (int j = 0; j < SIZE; j++) {
            same += signature[j] == other.signature[j] ? 1 : 0;
        }
        return same;
    }

    public boolean sameStoryAs(TextFingerprint other) {
        return agreement(other) >= MIN_AGREEMENT;
    }

    /**
     * The band keys under which the store files and looks up this text for one brand: the tenant and brand are in
     * the key, so another brand's copies are never even read. Null when unusable.
     */
    public long[] keys(String tenant, String brandId) {
        if (!isUsable()) {
            return null;
        }
        long brand = hash(tenant, brandId);
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long key = mix(brand + GOLDEN * (b + 1));
            for (int r = 0; r < ROWS; r++) {
                key = mix(key ^ signature[ROWS * b + r]);
            }
            keys[b] = key;
        }
        return keys;
    }

    /** Whether the two share a band key: what the store's lookup finds as a candidate before the agreement is checked. */
    public boolean sharesBandWith(TextFingerprint other) {
        long[] mine = keys("", "");
        long[] theirs = other.keys("", "");
        if (mine == null || theirs == null) {
            return false;
        }
        for (int b = 0; b < BANDS; b++) {
            if (mine[b] == theirs[b]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextFingerprint that && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "TextFingerprint" + Arrays.toString(signature);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int n = text.length();
        int end = 0;
        while (true) {
            // the runs between ASCII whitespace, as String.split("\\s+") cuts them
            int start = end;
            while (start < n && isSpace(text.charAt(start))) {
                start++;
            }
            if (start == n) {
                return words;
            }
            end = start;
            while (end < n && !isSpace(text.charAt(end))) {
                end++;
            }
            if (text.startsWith("@", start) || text.startsWith("http://", start) || text.startsWith("https://", start)
                    || text.startsWith("www.", start)) {
                continue;
            }
            if (words.isEmpty() && end - start == 2 && text.regionMatches(true, start, "RT", 0, 2)) {
                continue;
            }
            String folded = Tokenizer.fold(text.substring(start, end));
            int from = -1;
            for (int i = 0; i <= folded.length(); i++) {
                boolean inWord = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
                if (inWord && from < 0) {
                    from = i;
                } else if (!inWord && from >= 0) {
                    words.add(folded.substring(from, i));
                    from = -1;
                }
            }
        }
    }

    /** What the regular expression {@code \s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** FNV-1a over "a b ", then {@link #mix}. */
    private static long hash(String a, String b) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < a.length(); i++) {
            h = (h ^ a.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
        for (int i = 0; i < b.length(); i++) {
            h = (h ^ b.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
        return mix(h);
    }

    /** SplitMix64's finaliser: every output bit depends on every input bit. */
    private static long mix(long h) {
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
