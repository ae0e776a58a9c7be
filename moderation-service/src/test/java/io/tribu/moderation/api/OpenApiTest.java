package io.tribu.moderation.api;

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
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document says what each operation answers: its real success status, 401, and problems for errors. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    /** Operations whose success is not a plain 200. */
    static final Map<String, String> SUCCESS = Map.of(
            "POST /brands/{brandId}/saved-replies", "201",
            "POST /brands/{brandId}/inbox/{itemId}/notes", "201",
            "POST /brands/{brandId}/webhook-channels", "201",
            "DELETE /brands/{brandId}/saved-replies/{replyId}", "204",
            "DELETE /brands/{brandId}/webhook-channels/{channelId}", "204");
    /** Meta's subscription handshake carries no credentials to refuse: a wrong verify token is a 403. */
    static final Set<String> NO_CREDENTIALS = Set.of("GET /webhooks/meta/{channelId}");

    static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void everyOperationDocumentsItsSuccessAnd401AndItsErrorsAsProblems() throws Exception {
        JsonNode document = document();
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations++;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = method.getValue().path("responses");
                List<String> successes = new ArrayList<>();
                responses.fieldNames().forEachRemaining(status -> {
                    if (status.startsWith("2")) {
                        successes.add(status);
                    }
                });
                String expected = SUCCESS.getOrDefault(name, "200");
                if (!successes.equals(List.of(expected))) {
                    defects.add(name + ": success documented as " + successes + ", answers " + expected);
                }
                if (!NO_CREDENTIALS.contains(name) && !responses.has("401")) {
                    defects.add(name + ": 401 not documented");
                }
                for (Iterator<Map.Entry<String, JsonNode>> all = responses.fields(); all.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = all.next();
                    if (response.getKey().compareTo("400") >= 0 && !response.getValue().at("/content/application~1problem+json/schema/$ref")
                            .asText().endsWith("/Problem")) {
                        defects.add(name + ": " + response.getKey() + " is not documented as a problem+json Problem");
                    }
                }
                JsonNode body = method.getValue().path("requestBody").path("content");
                if (!body.isMissingNode()) {
                    String ref = body.at("/application~1json/schema/$ref").asText();
                    JsonNode schema = ref.isEmpty() ? null : document.at(ref.substring(1));
                    if (schema == null || !schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
                        defects.add(name + ": the JSON request body is not a typed schema: " + body);
                    }
                    if (!responses.has("400")) {
                        defects.add(name + ": takes a body but documents no 400");
                    }
                }
            }
        }
        assertTrue(operations >= 22, "operations found: " + operations);
        assertEquals(List.of(), defects);
        JsonNode violations = document.at("/components/schemas/Problem/properties/violations");
        assertEquals("array", violations.path("type").asText(), violations::toString);
    }

    /** Issue 26: every request body and success answer has an example, and it fits its schema. */
    @Test
    void everyBodyAndSuccessAnswerHasAnExampleThatFitsItsSchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals(List.of(), OpenApiExamples.defects(document));
    }
}
