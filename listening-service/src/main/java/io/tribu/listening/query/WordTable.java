package io.tribu.listening.query;

import java.util.Arrays;
import java.util.Map;

/**
 * Immutable map from a word to a number, looked up straight from a char buffer with the hash {@link Words}
 * computed while reading the word: the scan of a mention asks it once per word (and once per word start),
 * without building a String. Open addressing, linear probing, at most half full. Most words of a mention are
 * in no query, so a miss must be cheap: the slots are one flat array holding each key's hash beside its entry
 * number, and a probe reads one long; the keys themselves (one flat array of chars) are read only when the
 * hashes agree.
 */
final class WordTable {

    private final int mask;
    /** Per slot: the spread hash of its key in the high half, its entry + 1 in the low half; 0 when empty. */
    private final long[] slots;
    /** Entry {@code e}'s key is {@code keyChars[keyStarts[e]..keyStarts[e + 1])}. */
    private final char[] keyChars;
    private final int[] keyStarts;
    private final int[] values;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2) - 1) << 1;
        mask = capacity - 1;
        slots = new long[capacity];
        keyChars = new char[entries.keySet().stream().mapToInt(String::length).sum()];
        keyStarts = new int[entries.size() + 1];
        values = new int[entries.size()];
        int entry = 0;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            char[] key = e.getKey().toCharArray();
            System.arraycopy(key, 0, keyChars, keyStarts[entry], key.length);
            keyStarts[entry + 1] = keyStarts[entry] + key.length;
            values[entry] = e.getValue();
            int hash = spread(Words.hash(key, key.length));
            int slot = hash & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (long) hash << 32 | (entry + 1);
            entry++;
        }
    }

    /** The number of {@code chars[0..length)}, whose {@link Words#hash} is {@code wordHash}; or -1. */
    int get(char[] chars, int length, int wordHash) {
        int hash = spread(wordHash);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long s = slots[slot];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) == hash) {
                int entry = (int) s - 1;
                int from = keyStarts[entry];
                int to = keyStarts[entry + 1];
                if (to - from == length && Arrays.equals(keyChars, from, to, chars, 0, length)) {
                    return values[entry];
                }
            }
        }
    }

    /** Spreads the bits: the table uses the low ones. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
