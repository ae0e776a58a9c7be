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

/**
 * The reference's text analysis (the new engine's is {@link Words}), shared by mentions and queries so both sides agree: lower case, accents folded
 * (Crème = creme), French elisions dropped (l'Oréal = oreal, qu’il = il), {@code #hashtags} and
 * {@code @handles} kept whole with their sign. In a mention, a hashtag or handle is also indexed as the bare
 * word at the same position, so the query word {@code cafe} finds {@code #café} while {@code #cafe} only
 * finds the hashtag.
 */
final class ListeningAnalyzer extends Analyzer {

    /** The field of query words: same chain without the bare-word copy of hashtags and handles. */
    static final String QUERY_FIELD = "query";

    private static final CharArraySet ELISIONS = new CharArraySet(Words.ELISIONS, true);

    ListeningAnalyzer() {
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
