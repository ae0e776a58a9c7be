package io.tribu.listening.query;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.problem.Problems;

import java.util.List;
import java.util.Map;

/** A query that does not follow the grammar; {@code position} is 1-based, in characters. */
public final class QuerySyntaxException extends RuntimeException {

    private final int position;
    private final String expected;

    QuerySyntaxException(String problem, int position, String expected) {
        super(problem + " at position " + position + ": expected " + expected);
        this.position = position;
        this.expected = expected;
    }

    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }

    /** The 400 answer, on the body field {@code field}, with {@code position} and {@code expected} members. */
    public HttpProblem toProblem(String field) {
        HttpProblem base = Problems.invalid(Problems.INVALID_BODY, field + ": " + getMessage(),
                List.of(Map.of("field", field, "in", "body", "message", getMessage())));
        return HttpProblem.builder(base).with("position", position).with("expected", expected).build();
    }
}
