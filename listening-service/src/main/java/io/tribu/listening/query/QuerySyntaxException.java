package io.tribu.listening.query;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.listening.problem.BadRequest;
import io.tribu.platform.problem.Problems;

import java.util.List;
import java.util.Map;

/**
 * A query that does not follow the grammar; {@code position} is 1-based, in characters, and {@code length} the
 * characters of the query the error is about (0 at the end of the query), for an editor to underline.
 */
public final class QuerySyntaxException extends RuntimeException {

    private final int position;
    private final int length;
    private final String expected;

    QuerySyntaxException(String problem, int position, String expected) {
        this(problem, position, 0, expected);
    }

    QuerySyntaxException(String problem, int position, int length, String expected) {
        super(problem + " at position " + position + ": expected " + expected);
        this.position = position;
        this.length = length;
        this.expected = expected;
    }

    public int position() {
        return position;
    }

    public int length() {
        return length;
    }

    public String expected() {
        return expected;
    }

    /** Where the error is in the query's text: offset, line and column as an editor counts them. */
    public SyntaxError in(String query) {
        String text = query == null ? "" : query;
        int offset = Math.min(position - 1, text.length());
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return new SyntaxError(getMessage(), position, offset, line, offset - lineStart + 1,
                Math.min(length, text.length() - offset), expected);
    }

    /** The 400 answer, on the body field {@code field}, with the error's place and what was expected. */
    public HttpProblem toProblem(String field, String query) {
        SyntaxError error = in(query);
        HttpProblem base = BadRequest.of(Problems.INVALID_BODY, field + ": " + getMessage(),
                List.of(Map.of("field", field, "in", "body", "message", getMessage())));
        return HttpProblem.builder(base).with("position", error.position()).with("offset", error.offset())
                .with("line", error.line()).with("column", error.column()).with("length", error.length())
                .with("expected", expected).build();
    }
}
