package io.tribu.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.network.Network;
import io.tribu.publishing.post.PostStatus;
import io.tribu.platform.testing.OpenApiExamples;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18: the OpenAPI document says what the API does. Every operation documents its real success status
 * and 401; every error it documents is problem+json; request bodies are typed schemas. A new operation
 * fails here until its success status is added to {@link #SUCCESS}.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    /** What each operation answers when it works. */
    static final Map<String, String> SUCCESS = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /admin/credentials/rotation", "200"),
            Map.entry("GET /agency/posts-summary", "200"),
            Map.entry("GET /approval-links/{token}", "200"),
            Map.entry("POST /approval-links/{token}/posts/{postId}/decisions", "200"),
            Map.entry("GET /brands/{brandId}/approval-links", "200"),
            Map.entry("POST /brands/{brandId}/approval-links", "201"),
            Map.entry("DELETE /brands/{brandId}/approval-links/{linkId}", "204"),
            Map.entry("GET /brands/{brandId}/calendar", "200"),
            Map.entry("GET /brands/{brandId}/calendar.ics", "200"),
            Map.entry("POST /brands/{brandId}/calendar/feed-token", "200"),
            Map.entry("DELETE /brands/{brandId}/calendar/feed-token", "204"),
            Map.entry("GET /brands/{brandId}/campaigns", "200"),
            Map.entry("POST /brands/{brandId}/campaigns", "201"),
            Map.entry("GET /brands/{brandId}/campaigns/{campaignId}", "200"),
            Map.entry("PUT /brands/{brandId}/campaigns/{campaignId}", "200"),
            Map.entry("DELETE /brands/{brandId}/campaigns/{campaignId}", "204"),
            Map.entry("GET /brands/{brandId}/channels", "200"),
            Map.entry("POST /brands/{brandId}/channels", "201"),
            Map.entry("GET /brands/{brandId}/channels/{channelId}", "200"),
            Map.entry("PUT /brands/{brandId}/channels/{channelId}", "200"),
            Map.entry("DELETE /brands/{brandId}/channels/{channelId}", "204"),
            Map.entry("GET /brands/{brandId}/channels/{channelId}/queue", "200"),
            Map.entry("PUT /brands/{brandId}/channels/{channelId}/queue", "200"),
            Map.entry("GET /brands/{brandId}/posts", "200"),
            Map.entry("GET /brands/{brandId}/posts/unscheduled", "200"),
            Map.entry("POST /brands/{brandId}/posts", "201,200"),
            Map.entry("GET /brands/{brandId}/posts/{postId}", "200"),
            Map.entry("PUT /brands/{brandId}/posts/{postId}", "200"),
            Map.entry("GET /brands/{brandId}/posts/export", "200"),
            Map.entry("POST /brands/{brandId}/posts/import", "201"),
            Map.entry("POST /brands/{brandId}/posts/{postId}/comments", "201"),
            Map.entry("GET /brands/{brandId}/posts/{postId}/deliveries", "200"),
            Map.entry("GET /brands/{brandId}/posts/{postId}/history", "200"),
            Map.entry("POST /brands/{brandId}/posts/{postId}/transitions", "200"),
            Map.entry("GET /brands/{brandId}/recurrences", "200"),
            Map.entry("POST /brands/{brandId}/recurrences", "201"),
            Map.entry("GET /brands/{brandId}/recurrences/{recurrenceId}", "200"),
            Map.entry("DELETE /brands/{brandId}/recurrences/{recurrenceId}", "204"),
            Map.entry("GET /brands/{brandId}/recurrences/{recurrenceId}/occurrences", "200"),
            Map.entry("POST /brands/{brandId}/recurrences/{recurrenceId}/occurrences/{date}/detach", "201"),
            Map.entry("POST /brands/{brandId}/recurrences/{recurrenceId}/occurrences/{date}/skip", "200"),
            Map.entry("GET /brands/{brandId}/settings", "200"),
            Map.entry("PUT /brands/{brandId}/settings", "200")));

    @Test
    void everyOperationDocumentsItsSuccessItsErrorsAsProblemsAndTypedBodies() throws Exception {
        String text = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), text);
        JsonNode document = new ObjectMapper().readTree(text);
        List<String> wrong = new ArrayList<>();
        Map<String, String> found = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                JsonNode responses = operation.path("responses");
                List<String> successes = new ArrayList<>();
                responses.fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2")) {
                        successes.add(code);
                    }
                });
                found.put(name, String.join(",", successes));
                if (path.getKey().startsWith("/approval-links/")) {
                    // Open without a token: no 401, but a budget per address.
                    if (responses.has("401") || !responses.has("429")) {
                        wrong.add(name + ": a public operation documents 401 or no 429");
                    }
                } else if (!responses.has("401")) {
                    wrong.add(name + ": 401 is not documented");
                }
                responses.fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]\\d\\d") && !response.getValue().path("content").has("application/problem+json")) {
                        wrong.add(name + ": " + response.getKey() + " is not documented as application/problem+json");
                    }
                });
                JsonNode body = operation.path("requestBody");
                if (!body.isMissingNode()) {
                    JsonNode schema = body.path("content").path("application/json").path("schema");
                    JsonNode csv = body.path("content").path("text/csv").path("schema");
                    if (!csv.isMissingNode()) {
                        // A file: the body is the CSV text itself, documented as such.
                        if (!csv.path("type").asText().equals("string")) {
                            wrong.add(name + ": the CSV body is not documented as text: " + csv);
                        }
                    } else if (!schema.path("$ref").asText().startsWith("#/components/schemas/")) {
                        wrong.add(name + ": the request body is not a named, typed schema: " + schema);
                    }
                    if (!responses.has("400")) {
                        wrong.add(name + ": takes a body but documents no 400");
                    }
                }
            }
        }
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        if (!problem.has("violations") || !problem.has("type")) {
            wrong.add("the Problem schema has no type or violations: " + problem);
        }
        assertEquals(SUCCESS, found, "success statuses documented per operation");
        assertEquals(List.of(), wrong);
    }

    /**
     * The post statuses and networks the document lists (annotations, which cannot read the enums) are the code's, and a
     * channel may also be a YouTube one: clients generated from it, and the console's types, take them as the only values.
     */
    @Test
    void documentedStatusesAndNetworksAreTheCodes() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").asString())
                .path("components").path("schemas");
        Set<String> statuses = java.util.Arrays.stream(PostStatus.values()).map(PostStatus::wire).collect(Collectors.toSet());
        Set<String> networks = java.util.Arrays.stream(Network.values()).map(Network::wire).collect(Collectors.toSet());
        assertEquals(statuses, values(schemas.path("PostView").path("properties").path("status")));
        assertEquals(statuses, values(schemas.path("Entry").path("properties").path("status")));
        assertEquals(networks, values(schemas.path("VariantView").path("properties").path("network")));
        // A YouTube channel is connected for its comments (comment/), not published to: a channel network, no post's
        Set<String> channelNetworks = new java.util.TreeSet<>(networks);
        channelNetworks.add("youtube");
        // A Google Business Profile location is connected for its reviews (review/), not published to either
        channelNetworks.add("google_business");
        assertEquals(channelNetworks, values(schemas.path("ChannelView").path("properties").path("network")));
        assertEquals(channelNetworks, values(schemas.path("ChannelRequest").path("properties").path("network")));
    }

    private static Set<String> values(JsonNode property) {
        Set<String> values = new java.util.TreeSet<>();
        property.path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Issue 26: every request body and success answer has an example, and it fits its schema. */
    @Test
    void everyBodyAndSuccessAnswerHasAnExampleThatFitsItsSchema() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        assertEquals(List.of(), OpenApiExamples.defects(document));
    }
}
