package io.tribu.listening.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * A 64-bit SimHash of a text's words and word pairs (Charikar 2002): texts that share most of their shingles get
 * fingerprints a few bits apart, so syndicated copies of an article (another header, a footer, a tracking link)
 * and reposts ("RT @someone: ...") are found by Hamming distance. Words are folded (case, accents), links,
 * handles and a leading "RT" are ignored. Texts shorter than {@link #MIN_WORDS} words get no fingerprint: two
 * people writing "j'adore Café Lumière" are not one story.
 *
 * <p>Near-duplicate lookup splits the fingerprint into {@link #BANDS} bands (four of 13 bits, one of 12): two
 * fingerprints within {@link #MAX_DISTANCE} bits share at least one band exactly (pigeonhole), which a database
 * index can find; a random unrelated text shares one with probability about 5/8192.
 *
 * <p>Features are the folded words and word pairs: on the shared development tweets every pair within 7 bits
 * was a copy (same headline shared with other hashtags, "via @x", a cut-off ending), so 4 bits is conservative.
 *
 * @param bits the fingerprint, or 0 when the text is too short (see {@link #isUsable()})
 */
public record TextFingerprint(long bits) {

    public static final int MIN_WORDS = 8;
    /** Fingerprints this many bits apart or fewer are the same story. */
    public static final int MAX_DISTANCE = 4;
    public static final int BANDS = MAX_DISTANCE + 1;
    private static final int[] BAND_START = {0, 13, 26, 39, 52, 64};

    public static TextFingerprint of(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return new TextFingerprint(0);
        }
        Votes votes = new Votes();
        for (int i = 0; i < words.size(); i++) {
            votes.add(hash(words.get(i), ""));
            if (i + 1 < words.size()) {
                votes.add(hash(words.get(i), words.get(i + 1)));
            }
        }
        long bits = votes.majority();
        // 0 means "no fingerprint": a real all-zero SimHash is as likely as any other value, nudge it
        return new TextFingerprint(bits == 0 ? 1 : bits);
    }

    /**
     * Per bit of the fingerprint, how many hashes have it set. Counting bit by bit took 64 steps a hash; here each
     * byte of a hash adds, through a table, one to eight 8-bit counters packed in a long, so 8 steps a hash, and the
     * packed counters are emptied into ints before they can overflow.
     */
    static final class Votes {

        /** For a byte value, a long whose byte i is bit i of the value. */
        private static final long[] SPREAD = new long[256];

        static {
            for (int v = 0; v < 256; v++) {
                for (int i = 0; i < 8; i++) {
                    if ((v >>> i & 1) == 1) {
                        SPREAD[v] |= 1L << (8 * i);
                    }
                }
            }
        }

        /** packed[k], byte i: hashes since the last flush with bit 8k + i set. */
        private final long[] packed = new long[8];
        private final int[] ones = new int[64];
        private int pending;
        private int total;

        void add(long hash) {
            for (int k = 0; k < 8; k++) {
                packed[k] += SPREAD[(int) (hash >>> (8 * k)) & 0xFF];
            }
            total++;
            if (++pending == 255) {
                flush();
            }
        }

        private void flush() {
            for (int k = 0; k < 8; k++) {
                for (int i = 0; i < 8; i++) {
                    ones[8 * k + i] += (int) (packed[k] >>> (8 * i) & 0xFF);
                }
                packed[k] = 0;
            }
            pending = 0;
        }

        /** The bits set in more than half of the hashes (SimHash: +1 per hash with the bit, -1 per hash without). */
        long majority() {
            flush();
            long bits = 0;
            for (int b = 0; b < 64; b++) {
                if (2 * ones[b] > total) {
                    bits |= 1L << b;
                }
            }
            return bits;
        }
    }

    public boolean isUsable() {
        return bits != 0;
    }

    public int distanceTo(TextFingerprint other) {
        return Long.bitCount(bits ^ other.bits);
    }

    public boolean sameStoryAs(TextFingerprint other) {
        return isUsable() && other.isUsable() && distanceTo(other) <= MAX_DISTANCE;
    }

    /** Whether the two share a band: what the store's lookup finds as a candidate before the distance is checked. */
    public boolean sharesBandWith(TextFingerprint other) {
        for (int i = 0; i < BANDS; i++) {
            if (isUsable() && other.isUsable() && band(i) == other.band(i)) {
                return true;
            }
        }
        return false;
    }

    /** Band {@code i} (0..4) of the fingerprint. */
    public int band(int i) {
        int width = BAND_START[i + 1] - BAND_START[i];
        return (int) (bits >>> BAND_START[i] & ((1L << width) - 1));
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

    /** FNV-1a over "a b  " (b may be empty), then a SplitMix64 finaliser so every output bit depends on every input bit. */
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
        h = (h ^ ' ') * 0x100000001b3L; // the third, always empty, word of the first version: kept, hashes unchanged
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
