package io.tribu.listening.query;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuerySyntaxProblemTest {

    @Test
    void problemNamesTheFieldThePositionAndTheExpectation() {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("(café OR"));
        HttpProblem problem = error.toProblem("query", "(café OR");

        assertEquals(400, problem.getStatusCode());
        assertEquals(9, problem.getParameters().get("position"));
        assertEquals(8, problem.getParameters().get("offset"));
        assertEquals(1, problem.getParameters().get("line"));
        assertEquals(9, problem.getParameters().get("column"));
        assertEquals(0, problem.getParameters().get("length"));
        assertEquals(error.expected(), problem.getParameters().get("expected"));
        String message = "unexpected end of query at position 9: expected " + error.expected();
        assertEquals(List.of(Map.of("field", "query", "in", "body", "message", message)),
                problem.getParameters().get("violations"));
        assertEquals("query: " + message, problem.getDetail());
    }

    /** query (\n, \r and \" written escaped), then offset, line, column and length of what an editor underlines. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "café AND|8|1|9|0",
            "café ) lumière|5|1|6|1",
            "(cafe OR\\n  foo:bar)|11|2|3|7",
            "a NEAR/0 b|7|1|8|1",
            "a NEAR/x b|7|1|8|1",
            "\\\"café lumière|13|1|14|0",
            "café OR OR thé|8|1|9|2",
            "#|1|1|2|0",
            "lang:fr\\r\\nNEAR/3 x|9|2|1|5",
    })
    void anErrorSaysWhereItIsAsAnEditorCounts(String escaped, int offset, int line, int column, int length) {
        String query = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\\"", "\"");
        SyntaxError error = assertThrows(QuerySyntaxException.class, () -> QueryMatcher.check(query)).in(query);
        assertEquals(List.of(offset, line, column, length),
                List.of(error.offset(), error.line(), error.column(), error.length()), error.message());
        assertEquals(offset + 1, error.position());
    }
}
