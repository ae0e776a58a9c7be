package io.tribu.moderation.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list in folded form. An entry ending in {@code *} is a stem ("idiot*" matches "idiote",
 * "idiots"). Lookups also forgive one dropped letter or two swapped neighbours in words of five
 * letters or more ("stupde", "stpuid"), the most common ways writers dodge word filters.
 */
final class Lexicon {

    private final List<String> entries;
    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> misspelt = new HashMap<>();
    private final List<String> stems;
    /** Words long enough to be recognised inside a glued token. */
    private final List<String> longWords;

    Lexicon(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.stems = entries.stream().filter(e -> e.endsWith("*")).map(e -> Text.fold(e.substring(0, e.length() - 1)))
                .toList();
        this.longWords = entries.stream().map(e -> Text.fold(e.replace("*", ""))).filter(w -> w.length() >= 5)
                .distinct().toList();
        for (String entry : entries) {
            String word = Text.fold(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
            exact.put(word, word);
            if (word.length() >= 5) {
                for (int i = 0; i < word.length(); i++) {
                    // The first letter is kept: dropping it turns too many words into ordinary ones.
                    if (i > 0) {
                        misspelt.putIfAbsent(word.substring(0, i) + word.substring(i + 1), word);
                    }
                    if (i + 1 < word.length()) {
                        char[] swapped = word.toCharArray();
                        swapped[i] = word.charAt(i + 1);
                        swapped[i + 1] = word.charAt(i);
                        misspelt.putIfAbsent(new String(swapped), word);
                    }
                }
            }
        }
    }

    /** This lexicon with more entries. */
    Lexicon plus(List<String> more) {
        List<String> all = new java.util.ArrayList<>(entries);
        all.addAll(more);
        return new Lexicon(all);
    }

    /** The lexicon word a token stands for, or null. */
    String match(String token) {
        String hit = exact.get(token);
        if (hit != null) {
            return hit;
        }
        for (String stem : stems) {
            if (token.startsWith(stem)) {
                return stem;
            }
        }
        if (token.length() >= 5) {
            hit = misspelt.get(token);
            if (hit != null) {
                return hit;
            }
            for (String stem : stems) {
                // A stem with one letter dropped: "stupd" for "stupid*".
                if (stem.length() >= 5 && token.length() >= stem.length() - 1 && oneDeletion(stem, token)) {
                    return stem;
                }
            }
        }
        if (token.length() >= 7) {
            // A dropped space glues a word to its neighbour: "lanausee", "mortatous".
            for (String word : longWords) {
                if (token.endsWith(word) || token.startsWith(word)) {
                    return word;
                }
            }
        }
        return null;
    }

    private static boolean oneDeletion(String stem, String token) {
        int limit = stem.length() - 1;
        for (int skip = 1; skip < stem.length(); skip++) {
            boolean same = true;
            for (int i = 0, j = 0; i < stem.length() && j < limit && same; i++) {
                if (i == skip) {
                    continue;
                }
                same = j < token.length() && stem.charAt(i) == token.charAt(j);
                j++;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
