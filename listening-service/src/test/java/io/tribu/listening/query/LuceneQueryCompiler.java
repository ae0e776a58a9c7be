package io.tribu.listening.query;

import io.tribu.listening.query.QueryNode.And;
import io.tribu.listening.query.QueryNode.Field;
import io.tribu.listening.query.QueryNode.Near;
import io.tribu.listening.query.QueryNode.Not;
import io.tribu.listening.query.QueryNode.Or;
import io.tribu.listening.query.QueryNode.Phrase;
import io.tribu.listening.query.QueryNode.Term;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Turns a parsed listening query into the Lucene query the reference Monitor stores (fields of {@link MonitorMatcher}). */
final class LuceneQueryCompiler {

    private final Analyzer analyzer;
    private final String source;

    private LuceneQueryCompiler(Analyzer analyzer, String source) {
        this.analyzer = analyzer;
        this.source = source;
    }

    /** Parses and compiles; both steps report a bad query as {@link QuerySyntaxException}. */
    static Query compile(Analyzer analyzer, String text) {
        return new LuceneQueryCompiler(analyzer, text).query(QueryParser.parse(text));
    }

    private Query query(QueryNode node) {
        if (node instanceof Term term) {
            return term.wildcard() ? wildcard(term.text()) : words(term.text());
        }
        if (node instanceof Phrase phrase) {
            return words(phrase.text());
        }
        if (node instanceof Field field) {
            return new TermQuery(new org.apache.lucene.index.Term(field.name(), Words.keyword(field.value())));
        }
        if (node instanceof Near near) {
            return near(near);
        }
        if (node instanceof Not not) {
            return new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(query(not.operand()), Occur.MUST_NOT)
                    .build();
        }
        if (node instanceof And and) {
            return and(and);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        ((Or) node).operands().forEach(operand -> any.add(query(operand), Occur.SHOULD));
        return any.build();
    }

    /** NOT operands become exclusions of the conjunction; only when nothing is required does it match everything. */
    private Query and(And and) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean required = false;
        for (QueryNode operand : and.operands()) {
            if (operand instanceof Not not) {
                all.add(query(not.operand()), Occur.MUST_NOT);
            } else {
                all.add(query(operand), Occur.MUST);
                required = true;
            }
        }
        if (!required) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return all.build();
    }

    /**
     * Both sides are also required as plain clauses: the Monitor's presearcher cannot see inside an interval
     * query, these give it the words to index the query under (and they hold whenever the NEAR does).
     */
    private Query near(Near near) {
        return new BooleanQuery.Builder()
                .add(query(near.left()), Occur.FILTER)
                .add(query(near.right()), Occur.FILTER)
                .add(new IntervalQuery(MonitorMatcher.TEXT, intervals(near)), Occur.MUST)
                .build();
    }

    private IntervalsSource intervals(QueryNode node) {
        if (node instanceof Term term && term.wildcard()) {
            String pattern = Words.pattern(term.text());
            return plainPrefix(pattern)
                    ? Intervals.prefix(new BytesRef(pattern.substring(0, pattern.length() - 1)))
                    : Intervals.wildcard(new BytesRef(pattern));
        }
        if (node instanceof Term term) {
            return intervals(analyze(term.text()));
        }
        if (node instanceof Phrase phrase) {
            return intervals(analyze(phrase.text()));
        }
        if (node instanceof Or or) {
            return Intervals.or(or.operands().stream().map(this::intervals).toArray(IntervalsSource[]::new));
        }
        if (node instanceof Near near) {
            // maxgaps counts the words between both sides: NEAR/5 allows up to 5 words in between, in any order
            return Intervals.maxgaps(near.distance(),
                    Intervals.unorderedNoOverlaps(intervals(near.left()), intervals(near.right())));
        }
        throw new QuerySyntaxException("NEAR only takes words, phrases, wildcards or OR groups of them",
                position("NEAR/"), "a word, a \"phrase\" or a (... OR ...) group on each side of NEAR");
    }

    private static IntervalsSource intervals(List<String> tokens) {
        return tokens.size() == 1 ? Intervals.term(tokens.get(0)) : Intervals.phrase(tokens.toArray(String[]::new));
    }

    private Query words(String text) {
        List<String> tokens = analyze(text);
        if (tokens.size() == 1) {
            return new TermQuery(new org.apache.lucene.index.Term(MonitorMatcher.TEXT, tokens.get(0)));
        }
        return new PhraseQuery(MonitorMatcher.TEXT, tokens.toArray(String[]::new));
    }

    private static Query wildcard(String raw) {
        String pattern = Words.pattern(raw);
        if (plainPrefix(pattern)) {
            return new PrefixQuery(new org.apache.lucene.index.Term(MonitorMatcher.TEXT,
                    pattern.substring(0, pattern.length() - 1)));
        }
        return new WildcardQuery(new org.apache.lucene.index.Term(MonitorMatcher.TEXT, pattern));
    }

    private static boolean plainPrefix(String pattern) {
        return pattern.indexOf('?') < 0 && pattern.indexOf('*') == pattern.length() - 1;
    }

    /** The words of a query term as mentions are indexed; a term without any letter or digit is refused. */
    private List<String> analyze(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(ListeningAnalyzer.QUERY_FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tokens.isEmpty()) {
            throw new QuerySyntaxException("nothing searchable in '" + text + "'", position(text),
                    "a word with letters or digits");
        }
        return tokens;
    }

    private int position(String fragment) {
        return Math.max(source.indexOf(fragment), 0) + 1;
    }
}
