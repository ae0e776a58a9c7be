package io.tribu.moderation.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A comment prepared once for every lexicon classifier: lower-cased, accents folded, leetspeak and
 * stretched spellings undone ("1d10t", "stuuupid", "c0nnard" match their plain forms), split into tokens.
 */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern STRETCH = Pattern.compile("(\\p{L})\\1{2,}");

    public final String raw;
    /** Folded text, leetspeak undone, punctuation kept (for phrase and quotation checks). */
    public final String folded;
    public final List<String> tokens;

    private Text(String raw) {
        this.raw = raw;
        this.folded = fold(raw);
        this.tokens = tokenize(folded);
    }

    public static Text of(String raw) {
        return new Text(raw == null ? "" : raw);
    }

    static String fold(String s) {
        String lower = Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        lower = MARKS.matcher(lower).replaceAll("");
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            // Digits and symbols inside a word are leetspeak; alone they stay (prices, phone numbers).
            boolean inWord = (i > 0 && Character.isLetter(lower.charAt(i - 1)))
                    || (i + 1 < lower.length() && Character.isLetter(lower.charAt(i + 1)));
            out.append(inWord ? unleet(c) : c);
        }
        // "stuuupid" -> "stupid"-like: three or more identical letters become one.
        return STRETCH.matcher(out).replaceAll("$1");
    }

    private static char unleet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '*' -> '*';
            default -> c;
        };
    }

    /** "m o u r i r" -> "mourir": three or more one-letter tokens in a row are one spaced-out word. */
    private static List<String> joinSpacedLetters(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).length() == 1 && Character.isLetter(tokens.get(j).charAt(0))) {
                j++;
            }
            if (j - i >= 3) {
                out.add(String.join("", tokens.subList(i, j)));
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    private static List<String> tokenize(String folded) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean part = i < folded.length()
                    && (Character.isLetterOrDigit(folded.charAt(i)) || folded.charAt(i) == '*');
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                tokens.add(folded.substring(start, i));
                start = -1;
            }
        }
        return joinSpacedLetters(tokens);
    }
}
