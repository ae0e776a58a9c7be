package io.tribu.analytics.drivers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a French or English mention into the terms the drivers compare: lower-cased, accents folded
 * ("déçu" and "decu" are one term), links, handles and numbers dropped, elisions split ("l'accueil"
 * gives "accueil"), stop words removed. Bigrams join two kept words that follow each other once stop
 * words and numbers are gone ("livraison en retard" gives "livraison retard"); a link breaks the pair.
 * Negations are not stop words, so "pas bon" / "not good" survive.
 */
public final class Tokenizer {

    private static final Pattern LINK = Pattern.compile("(https?://|www\\.)\\S+|\\S+@\\S+|@\\S+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Tokenizer() {
    }

    /** The distinct terms (words and bigrams) of a text, in order of first appearance. */
    public static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        String previous = null;
        for (String word : words(text)) {
            if (word == null) {
                previous = null;
                continue;
            }
            terms.add(word);
            if (previous != null) {
                terms.add(previous + " " + word);
            }
            previous = word;
        }
        return terms;
    }

    /** Kept words in order, with null where a link broke the sentence. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        for (String chunk : LINK.matcher(folded).replaceAll(" | ").split("\\s+")) {
            for (String word : NOT_A_LETTER.split(chunk)) {
                if (word.isEmpty()) {
                    continue;
                }
                if (word.length() >= 2 && !word.chars().allMatch(Character::isDigit) && !StopWords.contains(word)) {
                    words.add(word);
                }
            }
            if (chunk.equals("|")) {
                words.add(null);
            }
        }
        return words;
    }
}
