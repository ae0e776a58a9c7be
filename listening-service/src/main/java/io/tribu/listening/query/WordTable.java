package io.tribu.listening.query;

import java.util.Map;

/**
 * Immutable map from a word to a number, looked up straight from a char buffer: the scan of a mention asks it
 * once per word (and once per word start), without building a String. Open addressing, linear probing, at
 * most half full.
 */
final class WordTable {

    private final int mask;
    private final char[][] keys;
    private final int[] hashes;
    private final int[] values;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2) - 1) << 1;
        mask = capacity - 1;
        keys = new char[capacity][];
        hashes = new int[capacity];
        values = new int[capacity];
        entries.forEach((word, value) -> {
            char[] key = word.toCharArray();
            int hash = hash(key, key.length);
            int slot = hash & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            values[slot] = value;
        });
    }

    /** The number of {@code chars[0..length)}, or -1. */
    int get(char[] chars, int length) {
        int hash = hash(chars, length);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (hashes[slot] == hash && key.length == length && java.util.Arrays.equals(key, 0, length, chars, 0,
                    length)) {
                return values[slot];
            }
        }
    }

    private static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        // spread the bits: the table uses the low ones
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
