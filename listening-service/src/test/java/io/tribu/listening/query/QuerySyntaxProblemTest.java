package io.tribu.listening.query;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuerySyntaxProblemTest {

    @Test
    void problemNamesTheFieldThePositionAndTheExpectation() {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("(café OR"));
        HttpProblem problem = error.toProblem("query");

        assertEquals(400, problem.getStatusCode());
        assertEquals(9, problem.getParameters().get("position"));
        assertEquals(error.expected(), problem.getParameters().get("expected"));
        String message = "unexpected end of query at position 9: expected " + error.expected();
        assertEquals(List.of(Map.of("field", "query", "in", "body", "message", message)),
                problem.getParameters().get("violations"));
        assertEquals("query: " + message, problem.getDetail());
    }
}
