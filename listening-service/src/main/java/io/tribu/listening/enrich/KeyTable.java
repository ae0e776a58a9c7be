package io.tribu.listening.enrich;

import java.util.Map;

/**
 * Immutable hash table from lexicon keys to values, looked up on a range of a string (plus an optional suffix)
 * without building that string: the sentiment lexicon tries every prefix of a word, and a {@code Map<String, ...>}
 * needs a new {@code String} (allocated, hashed) for each try. Hashes are {@link String#hashCode()}'s, so the caller
 * computes the hashes of all of a word's prefixes in one pass ({@link #prefixHashes}); each slot keeps its key's
 * hash, so a probe compares characters only when the hashes agree.
 */
final class KeyTable {

    /** What {@link #find} answers for a key that is not in the table. */
    static final int ABSENT = -1;

    private final String[] keys;
    private final int[] hashes;
    private final double[] values;
    private final int mask;
    private final int size;

    KeyTable(Map<String, Double> entries) {
        size = entries.size();
        int capacity = Integer.highestOneBit(Math.max(4, entries.size()) * 2) << 1; // load at most 1/2
        mask = capacity - 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new double[capacity];
        entries.forEach((key, value) -> {
            int h = key.hashCode();
            int slot = spread(h) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = h;
            values[slot] = value;
        });
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The slot of the whole key, or {@link #ABSENT}. */
    int find(String key) {
        return find(key, 0, key.length(), "", key.hashCode());
    }

    /**
     * The slot of the key {@code text[from, to) + suffix}, or {@link #ABSENT}.
     *
     * @param hash that key's {@link String#hashCode()}
     */
    int find(String text, int from, int to, String suffix, int hash) {
        int length = to - from + suffix.length();
        int slot = spread(hash) & mask;
        for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && k.length() == length && k.regionMatches(0, text, from, to - from)
                    && k.startsWith(suffix, to - from)) {
                return slot;
            }
        }
        return ABSENT;
    }

    double value(int slot) {
        return values[slot];
    }

    /** {@code hashes[i]} = {@code text.substring(0, i).hashCode()}, for i in [0, text.length()]. */
    static int[] prefixHashes(String text) {
        int[] h = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            h[i + 1] = 31 * h[i] + text.charAt(i);
        }
        return h;
    }

    /** The hash of {@code key + suffix} from the hash of {@code key}. */
    static int extend(int hash, String suffix) {
        for (int i = 0; i < suffix.length(); i++) {
            hash = 31 * hash + suffix.charAt(i);
        }
        return hash;
    }

    /** String hashes of short keys differ mostly in their low bits' neighbours: mix them before masking. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
