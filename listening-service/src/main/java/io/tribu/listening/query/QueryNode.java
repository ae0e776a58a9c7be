package io.tribu.listening.query;

import java.util.List;
import java.util.stream.Collectors;

/** Abstract syntax tree of a listening query; {@code toString} prints a fully parenthesised canonical form. */
public sealed interface QueryNode {

    /** A bare word, possibly with {@code *} / {@code ?} wildcards, a {@code #hashtag} or an {@code @handle}. */
    record Term(String text) implements QueryNode {
        public boolean wildcard() {
            return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** An "exact phrase": its words in this order, next to each other. */
    record Phrase(String text) implements QueryNode {
        @Override
        public String toString() {
            return '"' + text + '"';
        }
    }

    /** {@code lang:fr}, {@code source:mastodon}, {@code author:@handle} or {@code author:"Jean Dupont"}. */
    record Field(String name, String value) implements QueryNode {
        @Override
        public String toString() {
            return name + ':' + (value.indexOf(' ') >= 0 ? '"' + value + '"' : value);
        }
    }

    /** Both sides within {@code distance} words of each other, in any order. */
    record Near(QueryNode left, QueryNode right, int distance) implements QueryNode {
        @Override
        public String toString() {
            return "(" + left + " NEAR/" + distance + " " + right + ")";
        }
    }

    record Not(QueryNode operand) implements QueryNode {
        @Override
        public String toString() {
            return "NOT " + operand;
        }
    }

    record And(List<QueryNode> operands) implements QueryNode {
        @Override
        public String toString() {
            return operands.stream().map(String::valueOf).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<QueryNode> operands) implements QueryNode {
        @Override
        public String toString() {
            return operands.stream().map(String::valueOf).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }
}
