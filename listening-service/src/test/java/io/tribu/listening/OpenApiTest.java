package io.tribu.listening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.OpenApiExamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18: the OpenAPI document says what each operation answers, errors included. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    /** The status each operation answers when it works; every other operation answers 200. */
    static final Map<String, String> SUCCESS = Map.of(
            "POST /brands/{brandId}/mentions", "201",
            "POST /brands/{brandId}/sources", "201",
            "POST /brands/{brandId}/alerts", "201",
            "POST /brands/{brandId}/queries", "201",
            "DELETE /brands/{brandId}/sources/{sourceId}", "204",
            "DELETE /brands/{brandId}/alerts/{ruleId}", "204",
            "DELETE /brands/{brandId}/queries/{queryId}", "204",
            "POST /webhooks/sources/{sourceId}", "202");

    @Test
    void everyOperationDocumentsItsSuccessAnd401AndItsErrorsAsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                JsonNode responses = operation.path("responses");
                String success = SUCCESS.getOrDefault(name, "200");
                if (!responses.has(success)) {
                    defects.add(name + ": no " + success);
                }
                if (!success.equals("200") && responses.has("200") && !name.startsWith("POST")) {
                    defects.add(name + ": documents 200, answers " + success);
                }
                for (String status : List.of("401", "404", "503")) {
                    if (!responses.has(status)) {
                        defects.add(name + ": no " + status);
                    }
                }
                // behind a bearer token (roles can refuse); a signed webhook delivery has no roles to refuse
                boolean secured = operation.path("security").toString().contains("\"oidc\"");
                if (secured && !responses.has("403")) {
                    defects.add(name + ": no 403");
                }
                boolean body = operation.has("requestBody");
                boolean query = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    query |= parameter.path("in").asText().equals("query");
                }
                if ((body || query) && !responses.has("400")) {
                    defects.add(name + ": no 400");
                }
                // POSTs that create take an Idempotency-Key; checking, previewing, pausing and resuming create nothing
                if (name.startsWith("POST /brands/") && success.equals("201")
                        && !(responses.has("409") && responses.has("422"))) {
                    defects.add(name + ": no 409/422 for its Idempotency-Key");
                }
                for (Iterator<Map.Entry<String, JsonNode>> answers = responses.fields(); answers.hasNext(); ) {
                    Map.Entry<String, JsonNode> answer = answers.next();
                    if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        JsonNode schema = answer.getValue().path("content").path("application/problem+json").path("schema");
                        if (!schema.path("$ref").asText().endsWith("/Problem")) {
                            defects.add(name + ": " + answer.getKey() + " is not a problem+json Problem");
                        }
                    }
                }
                if (body) {
                    JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                    if (!schema.path("$ref").asText().startsWith("#/components/schemas/")) {
                        defects.add(name + ": the request body is not a typed schema: " + schema);
                    }
                }
            }
        }
        assertTrue(operations >= 18, "operations: " + operations);
        assertEquals(List.of(), defects);
        JsonNode violations = document.at("/components/schemas/Problem/properties/violations/items");
        assertTrue(violations.path("$ref").asText().endsWith("/Violation"), violations.toString());
        assertTrue(document.at("/paths/~1brands~1{brandId}~1mentions/post/responses/503/headers").has("Retry-After"));
    }

    /** Issue 26: every request body and success answer has an example, and it fits its schema. */
    @Test
    void everyBodyAndSuccessAnswerHasAnExampleThatFitsItsSchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals(List.of(), OpenApiExamples.defects(document));
    }
}
