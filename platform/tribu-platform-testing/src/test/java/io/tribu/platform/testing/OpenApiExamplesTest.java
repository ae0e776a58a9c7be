package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiExamplesTest {

    private static JsonNode document(String requestExample, String answerExample) throws Exception {
        return new ObjectMapper().readTree("""
                {"paths": {"/brands/{brandId}/queries": {"post": {
                  "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Query"}%s}}},
                  "responses": {
                    "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Query"}%s}}},
                    "400": {"content": {"application/problem+json": {"schema": {"type": "object"}}}},
                    "200": {"content": {"text/csv": {"schema": {"type": "string"}}}},
                    "204": {}
                  }}}},
                 "components": {"schemas": {"Query": {"type": "object", "required": ["subject"], "properties": {
                   "subject": {"type": "string", "enum": ["brand", "competitor"]},
                   "enabled": {"type": "boolean"}}}}}}
                """.formatted(requestExample, answerExample));
    }

    @Test
    void everyJsonBodyAndSuccessAnswerHasAValidExampleProblemsCsvAndEmptyAnswersAside() throws Exception {
        assertEquals(List.of(), OpenApiExamples.defects(document(
                ", \"example\": {\"subject\": \"brand\"}",
                ", \"examples\": {\"one\": {\"value\": {\"subject\": \"competitor\", \"enabled\": false}}}")));
    }

    @Test
    void aMissingExampleAndOneThatBreaksItsSchemaAreNamed() throws Exception {
        List<String> defects = OpenApiExamples.defects(document("", ", \"example\": {\"subject\": \"rival\", \"enabled\": \"yes\"}"));
        assertEquals(2, defects.size(), defects.toString());
        assertEquals("POST /brands/{brandId}/queries request body application/json: no example", defects.get(0));
        assertTrue(defects.get(1).startsWith("POST /brands/{brandId}/queries 201 application/json: the example "
                + "{\"subject\":\"rival\",\"enabled\":\"yes\"} is not valid"), defects.get(1));
        assertTrue(defects.get(1).contains("enabled") && defects.get(1).contains("subject"), defects.get(1));
    }
}
