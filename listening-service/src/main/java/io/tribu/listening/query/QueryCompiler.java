package io.tribu.listening.query;

import io.tribu.listening.query.QueryNode.And;
import io.tribu.listening.query.QueryNode.Field;
import io.tribu.listening.query.QueryNode.Near;
import io.tribu.listening.query.QueryNode.Not;
import io.tribu.listening.query.QueryNode.Or;
import io.tribu.listening.query.QueryNode.Phrase;
import io.tribu.listening.query.QueryNode.Term;

import java.util.List;

/**
 * Turns a parsed listening query into the {@link Clause} a mention is tested with. Words are analysed as
 * mentions are ({@link Words}); a query word the analysis splits ({@code café-lumière}) is a phrase.
 */
final class QueryCompiler {

    private final String source;

    private QueryCompiler(String source) {
        this.source = source;
    }

    /** Parses and compiles; both steps report a bad query as {@link QuerySyntaxException}. */
    static Clause compile(String text) {
        return new QueryCompiler(text).clause(QueryParser.parse(text));
    }

    private Clause clause(QueryNode node) {
        if (node instanceof Term term) {
            return term.wildcard() ? new Clause.Has(Atom.pattern(Wildcard.of(term.text()))) : words(term.text());
        }
        if (node instanceof Phrase phrase) {
            return words(phrase.text());
        }
        if (node instanceof Field field) {
            return new Clause.Field(field.name(), Words.keyword(field.value()));
        }
        if (node instanceof Near near) {
            // both sides first: a side with nothing searchable is reported before a filter inside the NEAR
            Clause left = clause(near.left());
            Clause right = clause(near.right());
            return new Clause.Near(left, right, span(near));
        }
        if (node instanceof Not not) {
            return new Clause.Not(clause(not.operand()));
        }
        if (node instanceof And and) {
            return new Clause.All(and.operands().stream().map(this::clause).toList());
        }
        return new Clause.Any(((Or) node).operands().stream().map(this::clause).toList());
    }

    private Clause words(String text) {
        List<String> words = analyze(text);
        return words.size() == 1 ? new Clause.Has(Atom.word(words.get(0))) : new Clause.Phrase(words, null);
    }

    private Span span(QueryNode node) {
        if (node instanceof Term term && term.wildcard()) {
            return new Span.Positions(Atom.pattern(Wildcard.of(term.text())));
        }
        if (node instanceof Term term) {
            return span(analyze(term.text()));
        }
        if (node instanceof Phrase phrase) {
            return span(analyze(phrase.text()));
        }
        if (node instanceof Or or) {
            return Span.either(or.operands().stream().map(this::span).toList());
        }
        if (node instanceof Near near) {
            return Span.near(span(near.left()), span(near.right()), near.distance());
        }
        throw new QuerySyntaxException("NEAR only takes words, phrases, wildcards or OR groups of them",
                position("NEAR/"), "NEAR/".length(), "a word, a \"phrase\" or a (... OR ...) group on each side of NEAR");
    }

    private static Span span(List<String> words) {
        return words.size() == 1 ? new Span.Positions(Atom.word(words.get(0))) : new Span.Phrase(words, null);
    }

    /** The words of a query term as mentions are read; a term without any letter or digit is refused. */
    private List<String> analyze(String text) {
        List<String> words = Words.of(text);
        if (words.isEmpty()) {
            throw new QuerySyntaxException("nothing searchable in '" + text + "'", position(text), text.length(),
                    "a word with letters or digits");
        }
        return words;
    }

    private int position(String fragment) {
        return Math.max(source.indexOf(fragment), 0) + 1;
    }
}
