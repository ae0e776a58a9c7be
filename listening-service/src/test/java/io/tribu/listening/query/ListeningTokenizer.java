package io.tribu.listening.query;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;

/**
 * Splits text into words: letters, digits, combining marks and '_', an apostrophe inside a word kept (so the
 * elision filter sees "l'oréal"), a leading '#' or '@' kept (hashtags, handles). Everything else separates.
 */
final class ListeningTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private final char[] chunk = new char[4096];
    private int pos;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        int length = text.length();
        while (pos < length) {
            int start = pos;
            char c = text.charAt(pos);
            boolean signed = (c == '#' || c == '@') && pos + 1 < length && wordChar(text.charAt(pos + 1));
            if (!signed && !wordChar(c)) {
                pos++;
                continue;
            }
            pos++;
            while (pos < length) {
                char next = text.charAt(pos);
                if (wordChar(next)) {
                    pos++;
                } else if (apostrophe(next) && pos + 1 < length && wordChar(text.charAt(pos + 1))) {
                    pos += 2;
                } else {
                    break;
                }
            }
            term.setEmpty().append(text, start, pos);
            offset.setOffset(correctOffset(start), correctOffset(pos));
            return true;
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean apostrophe(char c) {
        return c == '\'' || c == '’';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        pos = 0;
        int read;
        while ((read = input.read(chunk)) > 0) {
            text.append(chunk, 0, read);
        }
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offset.setOffset(last, last);
    }
}
