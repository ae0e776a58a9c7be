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
        int[] votes = new int[64];
        for (int i = 0; i < words.size(); i++) {
            vote(votes, hash(words.get(i), "", ""));
            if (i + 1 < words.size()) {
                vote(votes, hash(words.get(i), words.get(i + 1), ""));
            }
        }
        long bits = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                bits |= 1L << b;
            }
        }
        // 0 means "no fingerprint": a real all-zero SimHash is as likely as any other value, nudge it
        return new TextFingerprint(bits == 0 ? 1 : bits);
    }

    private static void vote(int[] votes, long h) {
        for (int b = 0; b < 64; b++) {
            votes[b] += (h >>> b & 1) == 1 ? 1 : -1;
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
        for (String raw : text.split("\\s+")) {
            if (raw.isEmpty() || raw.startsWith("@") || raw.startsWith("http://") || raw.startsWith("https://")
                    || raw.startsWith("www.")) {
                continue;
            }
            if (words.isEmpty() && raw.equalsIgnoreCase("RT")) {
                continue;
            }
            StringBuilder word = new StringBuilder();
            String folded = Tokenizer.fold(raw);
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    word.append(c);
                } else if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            }
            if (word.length() > 0) {
                words.add(word.toString());
            }
        }
        return words;
    }

    /** FNV-1a over the words, then a SplitMix64 finaliser so every output bit depends on every input bit. */
    private static long hash(String a, String b, String c) {
        long h = 0xcbf29ce484222325L;
        for (String w : new String[] {a, b, c}) {
            for (int i = 0; i < w.length(); i++) {
                h = (h ^ w.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ ' ') * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
