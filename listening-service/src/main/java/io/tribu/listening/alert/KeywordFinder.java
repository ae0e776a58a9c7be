package io.tribu.listening.alert;

import io.tribu.listening.enrich.SearchText;

import java.util.List;

/** Finds a keyword or phrase as whole words in a text, case and accents ignored ("rappel" is not in "rappelle"). */
final class KeywordFinder {

    private KeywordFinder() {
    }

    static String normalise(String keyword) {
        return SearchText.of(keyword.strip()).replaceAll("\\s+", " ");
    }

    /** The first of the (normalised) keywords found in the text, or null. */
    static String firstIn(String text, List<String> keywords) {
        String folded = SearchText.of(text).replaceAll("\\s+", " ");
        for (String keyword : keywords) {
            int from = 0;
            int at;
            while ((at = folded.indexOf(keyword, from)) >= 0) {
                int end = at + keyword.length();
                if (isBoundary(folded, at - 1) && isBoundary(folded, end)) {
                    return keyword;
                }
                from = at + 1;
            }
        }
        return null;
    }

    private static boolean isBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }
}
