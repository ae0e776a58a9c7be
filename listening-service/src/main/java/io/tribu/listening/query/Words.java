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

    /** {@link #ELISIONS} by length: a word with an apostrophe is checked against those of its prefix's length only. */
    private static final char[][][] ELISIONS_BY_LENGTH = new char[ELISIONS.stream().mapToInt(String::length).max().orElse(0) + 1][][];

    /**
     * {@link #wordChar} for every UTF-16 unit, answered once here: {@link Character#isLetterOrDigit} on each
     * accented letter of every mention was a tenth of an article's matching time.
     */
    private static final boolean[] WORD_CHAR = new boolean[0x10000];
    /**
     * Lucene's {@link ASCIIFoldingFilter} folds one UTF-16 unit at a time, through a switch of a thousand cases;
     * its answer for every unit is read once here, so folding a word costs one array read per character. The
     * folding of {@code c}: a character, or {@code -(i + 1)} for {@code FOLDED_SEVERAL[i]} (œ = oe, ß = ss).
     */
    private static final int[] FOLDED = new int[0x10000];
    private static final char[][] FOLDED_SEVERAL;

    static {
        for (int c = 0; c < WORD_CHAR.length; c++) {
            WORD_CHAR[c] = Character.isLetterOrDigit(c) || c == '_'
                    || c >= 0x80 && Character.getType(c) == Character.NON_SPACING_MARK;
        }
        for (int length = 0; length < ELISIONS_BY_LENGTH.length; length++) {
            int l = length;
            ELISIONS_BY_LENGTH[length] = ELISIONS.stream().filter(e -> e.length() == l).map(String::toCharArray)
                    .toArray(char[][]::new);
        }
        List<char[]> several = new ArrayList<>();
        char[] in = new char[1];
        char[] out = new char[4];
        for (int c = 0; c < FOLDED.length; c++) {
            in[0] = (char) c;
            int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
            if (n == 1) {
                FOLDED[c] = out[0];
            } else {
                several.add(java.util.Arrays.copyOf(out, n));
                FOLDED[c] = -several.size();
            }
        }
        FOLDED_SEVERAL = several.toArray(char[][]::new);
    }

    private final boolean signFreeCopies;
    private char[] text = new char[256];
    private int textLength;
    private int next;
    private int position;
    private boolean copyPending;
    private char[] chars = new char[64];
    private int length;
    private int hash;

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
        if (isKeyword(value)) {
            return value; // most metadata ("fr", "mastodon") already is: matching a mention copies nothing
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return fold(lower.startsWith("@") ? lower.substring(1) : lower);
    }

    /** Printable ASCII with no capital and no leading '@': nothing to strip, lower or fold. */
    private static boolean isKeyword(String value) {
        if (value.isEmpty() || value.charAt(0) == '@') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' && (i == 0 || i == value.length() - 1) || c >= 0x7F || c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    private static String fold(String text) {
        char[] out = new char[text.length() * MAX_FOLDED];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            length = fold(text.charAt(i), out, length);
        }
        return new String(out, 0, length);
    }

    /** The most characters {@link ASCIIFoldingFilter} turns one into ("⑽" = "(10)"). */
    private static final int MAX_FOLDED = 4;

    /** Writes the folding of {@code c} at {@code out[n]}; answers the new length. */
    private static int fold(char c, char[] out, int n) {
        int folded = FOLDED[c];
        if (folded >= 0) {
            out[n] = (char) folded;
            return n + 1;
        }
        char[] several = FOLDED_SEVERAL[-folded - 1];
        System.arraycopy(several, 0, out, n, several.length);
        return n + several.length;
    }

    Words reset(String text) {
        textLength = text == null ? 0 : text.length();
        if (this.text.length < textLength) {
            this.text = new char[Math.max(textLength, this.text.length * 2)];
        }
        if (textLength > 0) {
            text.getChars(0, textLength, this.text, 0);
        }
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

    /** {@link #hash} of the current word, computed while it was read: the word table needs no second pass. */
    int hash() {
        return hash;
    }

    /** The hash the word tables file their keys under: the same as {@link String#hashCode()}. */
    static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** 0 for the first word; a bare copy has the position of its hashtag or handle. */
    int position() {
        return position;
    }

    /**
     * Moves to the next word; false at the end of the text. Reading, lower-casing and folding accents are one
     * pass: this runs for every character of every mention.
     */
    boolean next() {
        if (copyPending) {
            copyPending = false;
            System.arraycopy(chars, 1, chars, 0, --length);
            hash = hash(chars, length);
            return true;
        }
        char[] s = text;
        int end = textLength;
        int i = next;
        while (i < end && !wordChar(s[i]) && !((s[i] == '#' || s[i] == '@') && i + 1 < end && wordChar(s[i + 1]))) {
            i++;
        }
        if (i >= end) {
            next = end;
            return false;
        }
        if (chars.length < (end - i) * MAX_FOLDED) {
            chars = new char[Math.max((end - i) * MAX_FOLDED, chars.length * 2)];
        }
        char[] out = chars;
        int apostrophe = -1;
        // where the first character that was not ASCII once lower-cased went: it may fold to an elision's
        // letter ("Ď'"), but the analysis drops elisions before folding, so such a word keeps its start
        int firstFolded = Integer.MAX_VALUE;
        char first = lower(s[i++]); // a letter, a digit, '_', or the sign of a hashtag or handle
        if (first >= 0x80) {
            firstFolded = 0;
        }
        int n = fold(first, out, 0);
        // the hash follows the ASCII letters as they are written; anything else (folding, elision) redoes it
        int h = n == 1 ? out[0] : 0;
        boolean hashed = n == 1;
        while (i < end) {
            char c = s[i];
            if (c < 0x80 && c != '\'') {
                if (!WORD_CHAR[c]) {
                    break;
                }
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                out[n++] = lower;
                h = 31 * h + lower;
            } else if (c == '\'' || c == '’') {
                // kept inside a word only, for the elision ("l'oréal") or the word itself ("aujourd'hui")
                if (i + 1 >= end || !wordChar(s[i + 1])) {
                    break;
                }
                if (apostrophe < 0) {
                    apostrophe = n;
                }
                out[n++] = '\''; // how ’ folds
                h = 31 * h + '\'';
            } else if (wordChar(c)) {
                char lower = lower(c);
                if (lower >= 0x80 && firstFolded == Integer.MAX_VALUE) {
                    firstFolded = n;
                }
                n = fold(lower, out, n);
                hashed = false;
            } else {
                break;
            }
            i++;
        }
        next = i;
        position++;
        if (apostrophe > 0 && firstFolded > apostrophe && elided(apostrophe)) {
            n -= apostrophe + 1;
            System.arraycopy(out, apostrophe + 1, out, 0, n);
            hashed = false;
        }
        length = n;
        hash = hashed ? h : hash(out, n);
        copyPending = signFreeCopies && length > 1 && (chars[0] == '#' || chars[0] == '@');
        return true;
    }

    /** Lower case of one character; no code point below 0x10000 lower-cases above it. */
    private static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return (char) Character.toLowerCase((int) c);
    }

    private boolean elided(int prefixLength) {
        if (prefixLength >= ELISIONS_BY_LENGTH.length) {
            return false;
        }
        for (char[] elision : ELISIONS_BY_LENGTH[prefixLength]) {
            if (java.util.Arrays.equals(elision, 0, prefixLength, chars, 0, prefixLength)) {
                return true;
            }
        }
        return false;
    }

    /** Letters, digits, '_' and combining marks (a decomposed "é" stays one word). */
    static boolean wordChar(char c) {
        return WORD_CHAR[c];
    }
}
