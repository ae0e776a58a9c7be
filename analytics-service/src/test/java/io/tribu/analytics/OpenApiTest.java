package io.tribu.analytics;

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

/**
 * The OpenAPI document says what each operation answers: its success status, and the problems it can give, as
 * problem+json (400 with violations wherever it reads parameters or a body, 401, 403, 404, 503).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    static final Map<String, String> SUCCESS = Map.of("get", "200", "put", "200", "post", "201", "delete", "204");

    @Test
    void everyOperationDocumentsItsSuccessAndItsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!SUCCESS.containsKey(method.getKey())) {
                    continue;
                }
                operations++;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                JsonNode responses = operation.path("responses");
                if (!responses.has(SUCCESS.get(method.getKey()))) {
                    missing.add(name + ": success " + SUCCESS.get(method.getKey()));
                }
                boolean readsInput = operation.path("parameters").size() > 1 || operation.has("requestBody");
                List<String> problems = new ArrayList<>(List.of("401", "403", "503"));
                if (path.getKey().contains("{")) {
                    // Only what a path names can be missing.
                    problems.add("404");
                }
                if (readsInput) {
                    problems.add("400");
                }
                for (String status : problems) {
                    JsonNode response = resolve(document, responses.path(status));
                    JsonNode problem = response.path("content").path("application/problem+json");
                    if (problem.isMissingNode()) {
                        missing.add(name + ": " + status + " as application/problem+json");
                    } else if (status.equals("400")
                            && !resolve(document, problem.path("schema")).path("properties").has("violations")) {
                        missing.add(name + ": 400 with violations");
                    }
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                if (operation.has("requestBody") && !resolve(document, body).has("properties")) {
                    missing.add(name + ": a typed request body");
                }
            }
        }
        assertTrue(operations >= 16, "operations found: " + operations);
        assertEquals(List.of(), missing);
    }

    @Test
    void queryParametersSayWhatTheyTake() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        JsonNode authors = document.path("paths").path("/brands/{brandId}/authors").path("get");
        Map<String, JsonNode> parameters = new java.util.HashMap<>();
        authors.path("parameters").forEach(parameter -> parameters.put(parameter.path("name").asText(), parameter.path("schema")));
        assertEquals("date-time", parameters.get("from").path("format").asText());
        assertEquals("integer", parameters.get("limit").path("type").asText());
        assertEquals(100, parameters.get("limit").path("maximum").asInt());
        assertEquals(Set.of("csv", "json"), Set.copyOf(new ObjectMapper().convertValue(parameters.get("format").path("enum"), List.class)));
    }

    static JsonNode resolve(JsonNode document, JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            JsonNode target = document;
            for (String part : node.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** Issue 26: every request body and success answer has an example, and it fits its schema. */
    @Test
    void everyBodyAndSuccessAnswerHasAnExampleThatFitsItsSchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals(List.of(), OpenApiExamples.defects(document));
    }
}
