package io.tribu.listening.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser of the Brandwatch/Talkwalker-like listening language.
 *
 * <pre>
 * query   := or EOF
 * or      := and ( "OR" and )*
 * and     := unary ( "AND"? unary )*          adjacent terms are ANDed
 * unary   := "NOT" unary | near
 * near    := primary ( "NEAR/" n primary )*
 * primary := "(" or ")" | phrase | field ":" ( word | phrase ) | word
 * </pre>
 * Precedence, tightest first: NEAR, NOT, AND, OR. Operators are upper case; lower-case "and", "or", "not"
 * are ordinary words.
 */
public final class QueryParser {

    public static final Set<String> FIELDS = Set.of("lang", "source", "author");
    public static final int MAX_NEAR = 100;

    private static final String OPERAND = "a word, a \"phrase\", a field filter or '('";

    private final String text;
    private int pos;

    private QueryParser(String text) {
        this.text = text;
    }

    public static QueryNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new QuerySyntaxException("empty query", 1, OPERAND);
        }
        QueryParser parser = new QueryParser(text);
        QueryNode root = parser.or();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeNext(), "an operator or the end of the query");
        }
        return root;
    }

    private QueryNode or() {
        List<QueryNode> operands = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.Or(List.copyOf(operands));
    }

    private QueryNode and() {
        List<QueryNode> operands = new ArrayList<>(List.of(unary()));
        while (true) {
            if (keyword("AND")) {
                operands.add(unary());
            } else if (startsOperand()) {
                operands.add(unary());
            } else {
                break;
            }
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.And(List.copyOf(operands));
    }

    private QueryNode unary() {
        if (keyword("NOT")) {
            return new QueryNode.Not(unary());
        }
        return near();
    }

    private QueryNode near() {
        QueryNode left = primary();
        while (true) {
            skipSpaces();
            int start = pos;
            if (!text.startsWith("NEAR/", pos)) {
                return left;
            }
            pos += 5;
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (digits == pos || (pos < text.length() && !isBoundary(text.charAt(pos)))) {
                pos = digits;
                throw error("malformed NEAR operator", "a distance in words after NEAR/, e.g. NEAR/5");
            }
            int distance = parseDistance(text.substring(digits, pos), start);
            left = new QueryNode.Near(left, primary(), distance);
        }
    }

    private int parseDistance(String digits, int start) {
        int distance = digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (distance < 1 || distance > MAX_NEAR) {
            pos = start + 5; // points at the digits
            throw error("NEAR distance " + digits + " out of range", "a distance between 1 and " + MAX_NEAR);
        }
        return distance;
    }

    private QueryNode primary() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("unexpected end of query", OPERAND);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            QueryNode inner = or();
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw error(pos >= text.length() ? "unexpected end of query" : "unexpected " + describeNext(),
                        "')'");
            }
            pos++;
            return inner;
        }
        if (c == '"') {
            return new QueryNode.Phrase(phrase());
        }
        if (c == ')' || isOperatorAhead()) {
            throw error("unexpected " + describeNext(), OPERAND);
        }
        int start = pos;
        String word = word();
        int colon = word.indexOf(':');
        if (colon < 0) {
            return term(word, start);
        }
        String field = word.substring(0, colon);
        if (!FIELDS.contains(field)) {
            pos = start;
            throw error("unknown field '" + field + "'", "one of author, lang, source (or quote the text)");
        }
        String value = word.substring(colon + 1);
        if (value.isEmpty()) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                return new QueryNode.Field(field, phrase());
            }
            throw error("missing value for " + field + ":", "a value after '" + field + ":'");
        }
        return new QueryNode.Field(field, value.toLowerCase(java.util.Locale.ROOT));
    }

    private QueryNode term(String word, int start) {
        boolean prefixed = word.charAt(0) == '#' || word.charAt(0) == '@';
        String body = prefixed ? word.substring(1) : word;
        if (body.isEmpty()) {
            pos = start + 1;
            throw error("empty " + (word.charAt(0) == '#' ? "hashtag" : "handle"), "a name after '" + word + "'");
        }
        if (body.chars().allMatch(ch -> ch == '*' || ch == '?')) {
            pos = start;
            throw error("wildcard without letters", "at least one letter or digit next to '*' or '?'");
        }
        return new QueryNode.Term(word);
    }

    private String phrase() {
        int open = pos;
        int close = text.indexOf('"', open + 1);
        if (close < 0) {
            pos = text.length();
            throw error("unterminated phrase opened at position " + (open + 1), "a closing '\"'");
        }
        String inner = text.substring(open + 1, close).trim().replaceAll("\\s+", " ");
        if (inner.isEmpty()) {
            pos = open;
            throw error("empty phrase", "words between the quotes");
        }
        pos = close + 1;
        return inner;
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && !isBoundary(text.charAt(pos)) && text.charAt(pos) != '"') {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Consumes an upper-case operator keyword standing alone. */
    private boolean keyword(String keyword) {
        skipSpaces();
        if (text.startsWith(keyword, pos) && boundaryAt(pos + keyword.length())) {
            pos += keyword.length();
            return true;
        }
        return false;
    }

    private boolean isOperatorAhead() {
        return (text.startsWith("AND", pos) && boundaryAt(pos + 3))
                || (text.startsWith("OR", pos) && boundaryAt(pos + 2))
                || text.startsWith("NEAR/", pos);
    }

    private boolean startsOperand() {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) != ')' && !isOperatorAhead();
    }

    private boolean boundaryAt(int index) {
        return index >= text.length() || isBoundary(text.charAt(index)) || text.charAt(index) == '"';
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "end of query";
        }
        if (isOperatorAhead()) {
            return "operator " + text.substring(pos).split("[\\s()\"]", 2)[0];
        }
        return "'" + text.charAt(pos) + "'";
    }

    private QuerySyntaxException error(String problem, String expected) {
        return new QuerySyntaxException(problem, pos + 1, tokenLength(), expected);
    }

    /** The characters of what stands at the error: a bracket or quote, an operator, a word; none at the end. */
    private int tokenLength() {
        if (pos >= text.length()) {
            return 0;
        }
        char c = text.charAt(pos);
        if (c == '(' || c == ')' || c == '"') {
            return 1;
        }
        int end = pos;
        while (end < text.length() && !isBoundary(text.charAt(end)) && text.charAt(end) != '"') {
            end++;
        }
        return Math.max(end - pos, 1);
    }
}
