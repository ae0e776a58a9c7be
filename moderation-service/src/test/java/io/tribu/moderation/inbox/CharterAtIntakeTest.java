package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved charter acting on interactions as they arrive, the network's answer, and the audit that follows. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CharterAtIntakeTest {

    static final Path COMPLETED_EXAMPLE = Path.of("..", "publishing-service", "src", "main", "resources", "events",
            "action-completed.v1.example.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String charter(String savedReplyId) {
        return """
                {"timezone": "Europe/Paris", "rules": [
                  {"id": "hide-insults", "name": "Masquer les insultes", "priority": 1, "stopAfterMatch": true,
                   "when": {"label": {"name": "insult", "minScore": 0.6}},
                   "then": [{"action": "hide"}, {"action": "tag", "tags": ["insulte"]},
                            {"action": "reply", "savedReplyId": "%s", "visibility": "private"}]},
                  {"id": "repeat", "name": "Récidive", "priority": 2,
                   "when": {"repeatOffender": {"minPrevious": 1, "withinDays": 30}}, "then": [{"action": "escalate"}]},
                  {"id": "refunds", "name": "Remboursements", "priority": 3,
                   "when": {"keywords": ["remboursez", "remboursement"]}, "then": [{"action": "assign", "assignee": "camille"}]}]}
                """.formatted(savedReplyId);
    }

    static Map<String, Object> item(String token, String brand, UUID id) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void theCharterHidesTagsRepliesAndAssignsOnArrivalAndTheAuditShowsIt() throws Exception {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String replyId = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("name", "insulte-dm", "language", "fr", "text", "Bonjour {{author}}, restons courtois. {{brand}}"))
                .when().post("/brands/" + brand + "/saved-replies").then().statusCode(201).extract().path("id");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(charter(replyId))
                .when().put("/brands/" + brand + "/charter").then().statusCode(200).body("version", equalTo(1));

        try (TopicReader actions = new TopicReader("tribu.moderation.actions")) {
            UUID insult = Interactions.receivedComment(events, "soleil", brand, cm, "Espèce de connard, rendez l'argent", "@troll");
            // The hide and the reply wait for publishing: the item stays new meanwhile.
            Map<String, Object> hidden = item(cm, brand, insult);
            assertEquals("new", hidden.get("status"));
            assertEquals(List.of("insulte"), hidden.get("tags"));
            List<Map<String, Object>> asked = (List<Map<String, Object>>) hidden.get("actions");
            assertEquals(List.of("hide", "reply"), asked.stream().map(a -> a.get("action")).toList());
            assertTrue(asked.stream().allMatch(a -> a.get("outcome").equals("requested")
                    && a.get("requestedBy").equals("rule:hide-insults")), asked::toString);

            JsonNode hide = JSON.readTree(actions.await(r -> r.value().contains(insult.toString())
                    && r.value().contains("\"action\":\"hide\""), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no hide requested on the actions topic")).value());
            assertEquals("tribu.moderation.action.requested.v1", hide.get("type").asText());
            JsonNode reply = JSON.readTree(actions.await(r -> r.value().contains(insult.toString())
                    && r.value().contains("\"action\":\"reply\""), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no reply requested on the actions topic")).value());
            assertEquals("Bonjour @troll, restons courtois. " + brand, reply.at("/data/replyText").asText());
            assertEquals("private", reply.at("/data/visibility").asText());

            // Publishing confirms the hide; the same event again changes nothing.
            String done = completed(hide.at("/data/actionId").asText(), insult, brand, "hide", "done", null);
            events.send("tribu.publishing.actions", brand, done);
            events.send("tribu.publishing.actions", brand, done);
            events.send("tribu.publishing.actions", brand,
                    completed(reply.at("/data/actionId").asText(), insult, brand, "reply", "failed", "the author blocked the page"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(cm)
                    .when().get("/brands/" + brand + "/inbox/" + insult).then().statusCode(200)
                    .body("actions.find { it.action == 'hide' }.outcome", equalTo("done"))
                    .body("actions.find { it.action == 'reply' }.outcome", equalTo("failed"))
                    .body("actions.find { it.action == 'reply' }.reason", equalTo("the author blocked the page"))
                    .body("status", equalTo("hidden")));

            // The same author again: a repeat offender now, and the refund request is assigned.
            UUID again = Interactions.receivedComment(events, "soleil", brand, cm, "Je veux un remboursement", "@troll");
            Map<String, Object> escalated = item(cm, brand, again);
            assertEquals("escalated", escalated.get("status"));
            assertEquals("camille", escalated.get("assignee"));
            UUID polite = Interactions.receivedComment(events, "soleil", brand, cm, "Merci pour le café, délicieux", "@lea");
            assertEquals("new", item(cm, brand, polite).get("status"));

            given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit").then().statusCode(200)
                    .body("findAll { it.itemId == '" + insult + "' }.actor", hasItem("rule:hide-insults"))
                    .body("find { it.itemId == '" + insult + "' && it.action == 'hide' }.automated", equalTo(true))
                    .body("find { it.itemId == '" + insult + "' && it.action == 'hide' }.charterVersion", equalTo(1))
                    .body("find { it.itemId == '" + insult + "' && it.action == 'hide' }.fromStatus", equalTo("new"))
                    .body("find { it.itemId == '" + insult + "' && it.action == 'hide' }.networkOutcome", equalTo("done"))
                    .body("find { it.itemId == '" + insult + "' && it.action == 'hide' }.details.labels.insult.score",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(0.6f))
                    .body("find { it.itemId == '" + again + "' && it.action == 'escalate' }.ruleId", equalTo("repeat"));
            given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit?format=csv").then().statusCode(200)
                    .contentType(containsString("text/csv"))
                    .body(containsString("decision_id,item_id,decided_at,actor"))
                    .body(containsString("rule:hide-insults"));
            given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit/statements-of-reasons").then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].itemId", equalTo(insult.toString()))
                    .body("[0].restriction", equalTo("visibility_restriction"))
                    .body("[0].automatedDecision", equalTo(true))
                    .body("[0].automatedDetection", equalTo(true))
                    .body("[0].ground", equalTo("incompatible_with_terms_and_conditions"))
                    .body("[0].groundExplanation", containsString("hide-insults"))
                    .body("[0].labels", hasItem("insult"));
            given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z")
                    .then().statusCode(400).body("violations[0].field", equalTo("to"));
        }
        // Another agency sees none of it.
        String otherAgency = TestTokens.token("nord", "admin", brand);
        given().auth().oauth2(otherAgency).when().get("/brands/" + brand + "/audit").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(otherAgency).when().get("/brands/" + brand + "/audit/statements-of-reasons").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    static String completed(String actionId, UUID itemId, String brand, String action, String outcome, String reason) {
        ObjectNode event = (ObjectNode) MentionEvents.read(COMPLETED_EXAMPLE);
        event.put("id", UUID.randomUUID().toString()).put("tenant", "soleil").put("subject", brand);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("actionId", actionId).put("itemId", itemId.toString()).put("brandId", brand).put("action", action)
                .put("outcome", outcome).put("reason", reason);
        return event.toString();
    }
}
