package io.tribu.listening.query;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;

/**
 * Makes wildcards presearchable. Left alone, the Monitor cannot index a wildcard query under any word, so
 * it runs for every mention of the brand. Here a wildcard whose literal start has at least {@link #LENGTH}
 * characters ({@code cosmet*}, {@code colo?r}) is indexed under that start ("cos"), and each word of a mention
 * also offers its own start to the presearch, so the query is only a candidate for mentions holding a word
 * that begins the same way. Shorter starts ({@code co*}, {@code *metique}) still run for every mention.
 */
final class WordStarts implements CustomQueryHandler {

    static final int LENGTH = 3;
    /** Cannot occur in an analysed word: keeps word starts apart from whole words in the presearch. */
    private static final char MARK = '\u0001';

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        String literal = null;
        if (query instanceof PrefixQuery prefix && MonitorMatcher.TEXT.equals(prefix.getField())) {
            literal = prefix.getPrefix().text();
        } else if (query instanceof WildcardQuery wildcard && MonitorMatcher.TEXT.equals(wildcard.getField())) {
            String pattern = wildcard.getTerm().text();
            int end = 0;
            while (end < pattern.length() && pattern.charAt(end) != '*' && pattern.charAt(end) != '?') {
                end++;
            }
            literal = pattern.substring(0, end);
        }
        if (literal == null || literal.length() < LENGTH) {
            return null; // the Monitor then indexes the query as "any mention"
        }
        return QueryTree.term(new Term(MonitorMatcher.TEXT, new BytesRef(start(literal))), weightor);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        return MonitorMatcher.TEXT.equals(field) ? new WithStarts(in) : in;
    }

    private static String start(String word) {
        return MARK + word.substring(0, LENGTH);
    }

    /** Each word, then its marked start when it is long enough. */
    private static final class WithStarts extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private String pending;

        WithStarts(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (pending != null) {
                term.setEmpty().append(pending);
                pending = null;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() >= LENGTH) {
                pending = start(term.toString());
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
