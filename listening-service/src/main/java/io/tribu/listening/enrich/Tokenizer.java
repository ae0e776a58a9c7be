package io.tribu.listening.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a social-media text into words, hashtags, emoji, emoticons and punctuation runs in one pass
 * without regular expressions (the whole enrichment step has a budget of well under 100 µs a text).
 * Immutable, so one instance is shared by all threads.
 */
final class Tokenizer {

    /** French elided forms split off their word, so "j'adore" is "j'" + "adore" and "n'est" starts a negation. */
    private static final Set<String> FRENCH_ELISIONS =
            Set.of("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");

    private static final char[] FOLD = new char[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            FOLD[c] = Character.toLowerCase(decomposed.charAt(0));
        }
    }

    private final List<String> emoticons;

    /** @param emoticons the emoticons to recognise as single tokens, such as ":-)" or "<3" */
    Tokenizer(Set<String> emoticons) {
        this.emoticons = emoticons.stream()
                .filter(e -> !e.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    List<Token> tokenize(String text, boolean splitFrenchElisions) {
        List<Token> tokens = new ArrayList<>(32);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                i++;
                continue;
            }
            if (isUrlStart(text, i)) {
                int end = skipNonSpace(text, i);
                tokens.add(new Token(Token.Kind.URL, text.substring(i, end), "", false, false));
                i = end;
                continue;
            }
            if ((c == '@' || c == '#') && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (isWordChar(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (c == '@') {
                    tokens.add(new Token(Token.Kind.MENTION, text.substring(i, end), "", false, false));
                } else {
                    tokens.add(word(Token.Kind.HASHTAG, text.substring(i + 1, end)));
                }
                i = end;
                continue;
            }
            String emoticon = emoticonAt(text, i);
            if (emoticon != null) {
                tokens.add(new Token(Token.Kind.EMOTICON, emoticon, emoticon, false, false));
                i += emoticon.length();
                continue;
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                int end = i;
                while (end < n) {
                    char d = text.charAt(end);
                    if (isWordChar(d)) {
                        end++;
                    } else if (isApostrophe(d) && end + 1 < n && Character.isLetter(text.charAt(end + 1))) {
                        end++;
                    } else {
                        break;
                    }
                }
                addWord(tokens, text.substring(i, end), splitFrenchElisions);
                i = end;
                continue;
            }
            if (Character.isDigit(cp)) {
                int end = i + 1;
                while (end < n && (Character.isDigit(text.charAt(end))
                        || (text.charAt(end) == '.' || text.charAt(end) == ',' || text.charAt(end) == ':')
                        && end + 1 < n && Character.isDigit(text.charAt(end + 1)))) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(i, end), "0", false, false));
                i = end;
                continue;
            }
            if (isEmoji(cp)) {
                int end = i + Character.charCount(cp);
                // modifiers, variation selectors and zero-width-joined parts belong to the same pictogram
                while (end < n) {
                    int next = text.codePointAt(end);
                    if (next == 0xFE0F || next == 0xFE0E || next >= 0x1F3FB && next <= 0x1F3FF || next == 0x20E3) {
                        end += Character.charCount(next);
                    } else if (next == 0x200D && end + 1 < n) {
                        end += 1;
                        end += Character.charCount(text.codePointAt(end));
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(Token.Kind.EMOJI, text.substring(i, end), new String(Character.toChars(cp)), false, false));
                i = end;
                continue;
            }
            if (isClausePunctuation(c)) {
                int end = i + 1;
                while (end < n && isClausePunctuation(text.charAt(end))) {
                    end++;
                }
                String run = text.substring(i, end);
                tokens.add(new Token(Token.Kind.PUNCTUATION, run, run, false, false));
                i = end;
                continue;
            }
            i += Character.charCount(cp); // quotes, brackets, other symbols carry no sentiment here
        }
        return tokens;
    }

    /** Lower case, accents removed, 'œ' as "oe", 'æ' as "ae", typographic apostrophes as ASCII; shared by lexicon keys and tokens. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < FOLD.length) {
                b.append(FOLD[c]);
            } else if (isApostrophe(c)) {
                b.append('\'');
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        // 'œ' and 'æ' are below 0x250 but decompose to themselves
        return b.indexOf("œ") >= 0 || b.indexOf("æ") >= 0
                ? b.toString().replace("œ", "oe").replace("æ", "ae")
                : b.toString();
    }

    private void addWord(List<Token> tokens, String word, boolean splitFrenchElisions) {
        if (splitFrenchElisions) {
            for (int k = 0; k < word.length(); k++) {
                if (isApostrophe(word.charAt(k))) {
                    String prefix = word.substring(0, k);
                    if (FRENCH_ELISIONS.contains(prefix.toLowerCase(Locale.ROOT))) {
                        tokens.add(word(Token.Kind.WORD, prefix + "'"));
                        if (k + 1 < word.length()) {
                            addWord(tokens, word.substring(k + 1), true);
                        }
                        return;
                    }
                    break;
                }
            }
        }
        tokens.add(word(Token.Kind.WORD, word));
    }

    private static Token word(Token.Kind kind, String written) {
        int letters = 0;
        int upper = 0;
        boolean elongated = false;
        StringBuilder key = new StringBuilder(written.length());
        String folded = fold(written);
        char previous = 0;
        int run = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run >= 3 && Character.isLetter(c)) {
                elongated = true;
                continue;
            }
            key.append(c);
        }
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return new Token(kind, written, key.toString(), letters >= 2 && upper == letters, elongated);
    }

    private String emoticonAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c) && c != 'x' && c != 'X') {
            return null;
        }
        boolean afterSpace = i == 0 || Character.isWhitespace(text.charAt(i - 1));
        for (String e : emoticons) {
            if (text.startsWith(e, i)) {
                int end = i + e.length();
                boolean beforeSpaceOrEnd = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                // "xD" must stand alone; ":)" may be glued to the word before it ("super:)")
                if (beforeSpaceOrEnd && (afterSpace || !Character.isLetter(e.charAt(0)))) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean isUrlStart(String text, int i) {
        return text.regionMatches(true, i, "http://", 0, 7)
                || text.regionMatches(true, i, "https://", 0, 8)
                || text.regionMatches(true, i, "www.", 0, 4)
                // the shared tweet sets replaced links by a bare "http"
                || text.regionMatches(true, i, "http", 0, 4) && (i + 4 == text.length() || !Character.isLetter(text.charAt(i + 4)));
    }

    private static int skipNonSpace(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc' || c == '\u2018';
    }

    private static boolean isClausePunctuation(char c) {
        return c == '!' || c == '?' || c == '.' || c == ',' || c == ';' || c == ':' || c == '\u2026' || c == '¡' || c == '¿';
    }

    static boolean isEmoji(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF
                || cp >= 0x2600 && cp <= 0x27BF
                || cp >= 0x2300 && cp <= 0x23FF
                || cp >= 0x2B00 && cp <= 0x2BFF
                || cp == 0x3030 || cp == 0x303D || cp == 0x2122 || cp == 0x2139;
    }
}
