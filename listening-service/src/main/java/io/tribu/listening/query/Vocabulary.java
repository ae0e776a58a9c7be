package io.tribu.listening.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the words and wildcards of one brand's queries (its atoms) while they are linked, and counts how
 * many queries use each: a word many queries share is a common one, a poor anchor.
 */
final class Vocabulary {

    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> patternKeys = new HashMap<>();
    private final List<Wildcard> patterns = new ArrayList<>();
    private final List<String> wordList = new ArrayList<>();
    private int[] uses = new int[64];

    int word(String word) {
        Integer atom = words.get(word);
        if (atom == null) {
            atom = next();
            words.put(word, atom);
            wordList.add(word);
            patterns.add(null);
        }
        uses[atom]++;
        return atom;
    }

    int pattern(Wildcard wildcard) {
        Integer atom = patternKeys.get(wildcard.key());
        if (atom == null) {
            atom = next();
            patternKeys.put(wildcard.key(), atom);
            wordList.add(null);
            patterns.add(wildcard);
        }
        uses[atom]++;
        return atom;
    }

    private int next() {
        int atom = patterns.size();
        if (atom == uses.length) {
            uses = java.util.Arrays.copyOf(uses, atom * 2);
        }
        return atom;
    }

    int size() {
        return patterns.size();
    }

    /** The word of this atom, null for a wildcard. */
    String wordOf(int atom) {
        return wordList.get(atom);
    }

    /** The wildcard of this atom, null for a word. */
    Wildcard patternOf(int atom) {
        return patterns.get(atom);
    }

    int uses(int atom) {
        return uses[atom];
    }
}
