package io.tribu.listening.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text analysis shared by mentions and queries so both sides agree: lower case, accents folded
 * (Crème = creme), French elisions dropped (l'Oréal = oreal, qu’il = il), {@code #hashtags} and
 * {@code @handles} kept whole with their sign. In a mention, a hashtag or handle is also indexed as the bare
 * word at the same position, so the query word {@code cafe} finds {@code #café} while {@code #cafe} only
 * finds the hashtag.
 */
public final class ListeningAnalyzer extends Analyzer {

    /** The field of query words: same chain without the bare-word copy of hashtags and handles. */
    static final String QUERY_FIELD = "query";

    private static final CharArraySet ELISIONS = new CharArraySet(
            List.of("l", "d", "qu", "j", "c", "n", "s", "t", "m", "jusqu", "lorsqu", "puisqu", "quoiqu"), true);
    private static final Pattern ELIDED_START = Pattern.compile(
            "^(?:l|d|qu|j|c|n|s|t|m|jusqu|lorsqu|puisqu|quoiqu)['’]");

    public ListeningAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        ListeningTokenizer words = new ListeningTokenizer();
        TokenStream stream = new ElisionFilter(new LowerCaseFilter(words), ELISIONS);
        stream = new ASCIIFoldingFilter(stream);
        if (!QUERY_FIELD.equals(fieldName)) {
            stream = new BareWordCopy(stream);
        }
        return new TokenStreamComponents(words, stream);
    }

    /** A wildcard pattern bypasses analysis: the same case, elision and accent treatment, by hand. */
    static String normalizePattern(String raw) {
        String lower = ELIDED_START.matcher(raw.toLowerCase(Locale.ROOT)).replaceFirst("");
        return fold(lower);
    }

    /** Metadata values (author, language, source) compare case- and accent-insensitively, "@jane" = "jane". */
    static String keyword(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return fold(lower.startsWith("@") ? lower.substring(1) : lower);
    }

    private static String fold(String text) {
        char[] folded = new char[text.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(text.toCharArray(), 0, folded, 0, text.length());
        return new String(folded, 0, length);
    }

    /** After "#tag" or "@name", the same word without its sign, stacked at the same position. */
    private static final class BareWordCopy extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private State pending;

        BareWordCopy(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending != null) {
                restoreState(pending);
                pending = null;
                term.copyBuffer(term.buffer(), 1, term.length() - 1);
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() > 1 && (term.charAt(0) == '#' || term.charAt(0) == '@')) {
                pending = captureState();
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
        }
    }
}
