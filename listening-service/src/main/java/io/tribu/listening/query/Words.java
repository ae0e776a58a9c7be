package io.tribu.listening.query;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a text as queries and mentions both see them: split on anything but letters, digits, combining
 * marks and '_' (an apostrophe inside a word kept, a leading '#' or '@' kept), lower case, a French elision
 * dropped (l'Oréal = oréal, qu’il = il), accents folded (Crème = creme). In a mention, a {@code #hashtag} or
 * {@code @handle} is followed by the same word without its sign at the same position, so the query word
 * {@code cafe} finds {@code #café} while {@code #cafe} only finds the hashtag.
 *
 * <p>A reusable cursor rather than a list of strings: a mention's words are looked up straight from
 * {@link #chars()}, so a 5,000-character article costs no allocation. One instance per thread.
 */
final class Words {

    /** The elided French articles and conjunctions, dropped with their apostrophe at the start of a word. */
    static final List<String> ELISIONS =
            List.of("l", "d", "qu", "j", "c", "n", "s", "t", "m", "jusqu", "lorsqu", "puisqu", "quoiqu");
    private static final Pattern ELIDED_START = Pattern.compile(
            "^(?:" + String.join("|", ELISIONS) + ")['’]");

    private final boolean signFreeCopies;
    private String text = "";
    private int next;
    private int position;
    private boolean copyPending;
    private char[] chars = new char[64];
    private char[] folded = new char[256];
    private int length;

    /** @param signFreeCopies whether a hashtag or handle is followed by its bare word (mentions: yes) */
    Words(boolean signFreeCopies) {
        this.signFreeCopies = signFreeCopies;
    }

    /** The words of a query term or phrase, without bare copies. */
    static List<String> of(String text) {
        Words words = new Words(false).reset(text);
        List<String> out = new ArrayList<>();
        while (words.next()) {
            out.add(new String(words.chars, 0, words.length));
        }
        return out;
    }

    /**
     * A wildcard pattern is not split into words, so it gets the same case, elision and accent treatment by
     * hand; its {@code *} and {@code ?} stay.
     */
    static String pattern(String raw) {
        return fold(ELIDED_START.matcher(raw.toLowerCase(Locale.ROOT)).replaceFirst(""));
    }

    /** Metadata values (author, language, source) compare case- and accent-insensitively, "@jane" = "jane". */
    static String keyword(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return fold(lower.startsWith("@") ? lower.substring(1) : lower);
    }

    private static String fold(String text) {
        char[] out = new char[text.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(text.toCharArray(), 0, out, 0, text.length());
        return new String(out, 0, length);
    }

    Words reset(String text) {
        this.text = text == null ? "" : text;
        next = 0;
        position = -1;
        copyPending = false;
        return this;
    }

    /** The current word is {@code chars()[0..length())}. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** 0 for the first word; a bare copy has the position of its hashtag or handle. */
    int position() {
        return position;
    }

    /** Moves to the next word; false at the end of the text. */
    boolean next() {
        if (copyPending) {
            copyPending = false;
            System.arraycopy(chars, 1, chars, 0, --length);
            return true;
        }
        String s = text;
        int end = s.length();
        int i = next;
        while (i < end) {
            char c = s.charAt(i);
            if (wordChar(c) || ((c == '#' || c == '@') && i + 1 < end && wordChar(s.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        if (i >= end) {
            next = end;
            return false;
        }
        int start = i++;
        while (i < end) {
            char c = s.charAt(i);
            if (wordChar(c)) {
                i++;
            } else if ((c == '\'' || c == '’') && i + 1 < end && wordChar(s.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        next = i;
        position++;
        normalize(s, start, i);
        copyPending = signFreeCopies && length > 1 && (chars[0] == '#' || chars[0] == '@');
        return true;
    }

    private void normalize(String s, int start, int end) {
        int n = end - start;
        if (chars.length < n * 2) {
            chars = new char[n * 2];
        }
        boolean ascii = true;
        int apostrophe = -1;
        int out = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                chars[out++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else {
                // a word holds no surrogates (they are not word characters), so this is a whole code point
                out += Character.toChars(Character.toLowerCase((int) c), chars, out);
            }
            char lower = chars[out - 1];
            if (apostrophe < 0 && (lower == '\'' || lower == '’')) {
                apostrophe = out - 1;
            }
            ascii &= lower < 0x80;
        }
        if (apostrophe > 0 && elided(apostrophe)) {
            out -= apostrophe + 1;
            System.arraycopy(chars, apostrophe + 1, chars, 0, out);
        }
        length = out;
        if (!ascii) {
            foldAccents();
        }
    }

    private boolean elided(int prefixLength) {
        for (String elision : ELISIONS) {
            if (elision.length() == prefixLength && sameStart(elision)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameStart(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (chars[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void foldAccents() {
        if (folded.length < length * 4) {
            folded = new char[length * 4];
        }
        int n = ASCIIFoldingFilter.foldToASCII(chars, 0, folded, 0, length);
        char[] swap = chars;
        chars = folded;
        folded = swap;
        length = n;
    }

    /** Letters, digits, '_' and combining marks (a decomposed "é" stays one word). */
    static boolean wordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
