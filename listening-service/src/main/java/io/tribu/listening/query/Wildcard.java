package io.tribu.listening.query;

/**
 * A query word with {@code *} (any characters) or {@code ?} (one character), matched against each word of a
 * mention. It is not split into words: {@code cafe-lum*} can never match, as a mention has no word with a
 * dash. Same reading as Lucene's queries before: a lone trailing {@code *} is a plain prefix; otherwise
 * {@code \} takes the next character literally.
 */
final class Wildcard {

    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private final String pattern;
    private final String start;
    /** {@link #start} as chars: compared with every word that has the same first letters. */
    private final char[] startChars;
    /** Code points, {@link #ANY_RUN} or {@link #ANY_ONE}; null for a plain prefix. */
    private final int[] elements;

    private Wildcard(String pattern, String start, int[] elements) {
        this.pattern = pattern;
        this.start = start;
        this.startChars = start.toCharArray();
        this.elements = elements;
    }

    static Wildcard of(String raw) {
        String pattern = Words.pattern(raw);
        if (pattern.indexOf('?') < 0 && pattern.indexOf('*') == pattern.length() - 1) {
            return new Wildcard(pattern, pattern.substring(0, pattern.length() - 1), null);
        }
        int[] elements = new int[pattern.length()];
        int count = 0;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == '*') {
                elements[count++] = ANY_RUN;
            } else if (c == '?') {
                elements[count++] = ANY_ONE;
            } else if (c == '\\' && i < pattern.length()) {
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                elements[count++] = escaped;
            } else {
                elements[count++] = c;
            }
        }
        int[] trimmed = java.util.Arrays.copyOf(elements, count);
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < count && trimmed[i] >= 0; i++) {
            start.appendCodePoint(trimmed[i]);
        }
        return new Wildcard(pattern, start.toString(), trimmed);
    }

    /** What every matching word starts with; may be empty ({@code *metique}). */
    String start() {
        return start;
    }

    /** Two wildcards with the same key match the same words. */
    String key() {
        return (elements == null ? "prefix:" : "wildcard:") + pattern;
    }

    /** Whether the word {@code word[0..length)} matches; a word holds no surrogate pairs. */
    boolean matches(char[] word, int length) {
        int starting = startChars.length;
        if (length < starting) {
            return false;
        }
        // backwards: the word was found through the first letters of this start, so its last ones tell
        // apart the wildcards filed together
        for (int i = starting - 1; i >= 0; i--) {
            if (startChars[i] != word[i]) {
                return false;
            }
        }
        return elements == null || matchesFrom(word, length, starting);
    }

    /** Greedy glob match, backtracking to the last {@code *}: linear for the patterns people write. */
    private boolean matchesFrom(char[] word, int length, int from) {
        int w = from;
        int e = from;
        int lastRun = -1;
        int lastRunWord = 0;
        int n = elements.length;
        while (w < length) {
            if (e < n && (elements[e] == ANY_ONE || elements[e] == word[w])) {
                e++;
                w++;
            } else if (e < n && elements[e] == ANY_RUN) {
                lastRun = e++;
                lastRunWord = w;
            } else if (lastRun >= 0) {
                e = lastRun + 1;
                w = ++lastRunWord;
            } else {
                return false;
            }
        }
        while (e < n && elements[e] == ANY_RUN) {
            e++;
        }
        return e == n;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
