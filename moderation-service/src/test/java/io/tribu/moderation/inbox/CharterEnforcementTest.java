package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charter applied as interactions arrive through Kafka, down to publishing's confirmation. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CharterEnforcementTest {

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

    static String savedReply(String token, String brand, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "r-" + UUID.randomUUID(), "language", "fr", "text", text))
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(201).extract().path("id");
    }

    static void saveCharter(String token, String brand, String document) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(document.replace('\'', '"'))
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(200);
    }

    static JsonPath item(String token, String brand, UUID id) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anInsultIsHiddenAnsweredPrivatelyAndTaggedThenPublishingConfirms() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String reply = savedReply(cm, brand, "Bonjour {{author}}, merci de rester courtois. L'équipe {{brand}}");
        saveCharter(cm, brand, """
                {'timezone': 'Europe/Paris', 'rules': [
                  {'id': 'hide-insults', 'name': 'Masquer les insultes', 'priority': 1, 'stopAfterMatch': true,
                   'when': {'label': {'name': 'insult', 'minScore': 0.6}},
                   'then': [{'action': 'hide'}, {'action': 'reply', 'savedReplyId': '%s', 'visibility': 'private'},
                            {'action': 'tag', 'tags': ['insulte']}]},
                  {'id': 'assign-negative', 'name': 'Négatif au SAV', 'priority': 5,
                   'when': {'sentiment': ['negative']}, 'then': [{'action': 'assign', 'assignee': 'camille'}]}]}"""
                .formatted(reply));

        try (TopicReader actions = new TopicReader("tribu.moderation.actions");
             TopicReader decisions = new TopicReader("tribu.moderation.decisions")) {
            UUID insult = Interactions.receivedComment(events, "soleil", brand, cm, "T'es vraiment un gros connard, le SAV", "@julien@piaille.fr");
            // A negative comment without insult goes on to the next rule.
            UUID complaint = Interactions.receivedComment(events, "soleil", brand, cm, "Trois semaines que j'attends ma commande", "@lea@piaille.fr");

            // Hide and reply are asked of publishing: the item stays new until it confirms them.
            JsonPath hidden = item(cm, brand, insult);
            assertEquals("new", hidden.getString("status"));
            assertEquals(List.of("insulte"), hidden.getList("tags"));
            assertEquals(3, hidden.getInt("version"));
            assertEquals(List.of("hide", "reply"), hidden.getList("actions.action"));
            assertEquals(List.of("requested", "requested"), hidden.getList("actions.outcome"));
            assertEquals("hide", hidden.getString("networkAction.action"));
            assertNull(hidden.get("firstResponseAt"));
            assertEquals("negative", hidden.getString("sentiment"));
            JsonPath assigned = item(cm, brand, complaint);
            assertEquals("assigned", assigned.getString("status"));
            assertEquals("camille", assigned.getString("assignee"));
            assertEquals(List.of(), assigned.getList("actions"));

            ConsumerRecord<String, String> hide = actions.await(r -> r.value().contains(insult.toString())
                    && r.value().contains("\"hide\""), Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no hide requested"));
            ConsumerRecord<String, String> answer = actions.await(r -> r.value().contains(insult.toString())
                    && r.value().contains("\"reply\""), Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no reply requested"));
            assertEquals(brand, hide.key());
            JsonNode replyEvent = JSON.readTree(answer.value());
            valid("/events/action-requested.v1.schema.json", replyEvent);
            valid("/events/action-requested.v1.schema.json", JSON.readTree(hide.value()));
            assertEquals("Bonjour @julien@piaille.fr, merci de rester courtois. L'équipe " + brand,
                    replyEvent.at("/data/replyText").asText());
            assertEquals("private", replyEvent.at("/data/visibility").asText());
            assertEquals("rule:hide-insults", replyEvent.at("/data/requestedBy").asText());
            assertEquals("mastodon", replyEvent.at("/data/network").asText());

            JsonNode decision = JSON.readTree(decisions.await(r -> r.value().contains(insult.toString())
                    && r.value().contains("\"hide\""), Duration.ofSeconds(20)).orElseThrow().value());
            valid("/events/decision-recorded.v1.schema.json", decision);
            assertTrue(decision.at("/data/automated").asBoolean());
            assertEquals("hide-insults", decision.at("/data/ruleId").asText());

            // Publishing reports the hide done; the same event delivered twice, then a late contradicting one.
            String actionId = JSON.readTree(hide.value()).at("/data/actionId").asText();
            String done = completed(brand, actionId, insult, "done", null);
            events.send("tribu.publishing.actions", brand, done);
            events.send("tribu.publishing.actions", brand, done);
            events.send("tribu.publishing.actions", brand, completed(brand, actionId, insult, "failed", "too late"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(item(cm, brand, insult).getString("actions[0].outcome")));
            assertEquals("hidden", item(cm, brand, insult).getString("status"));
            assertNotNull(item(cm, brand, insult).get("firstResponseAt"));
            String replyActionId = replyEvent.at("/data/actionId").asText();
            events.send("tribu.publishing.actions", brand, completed(brand, replyActionId, insult, "failed", "403 recipient does not accept DMs"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(item(cm, brand, insult).getString("actions[1].outcome")));
            JsonPath settled = item(cm, brand, insult);
            assertEquals("done", settled.getString("actions[0].outcome"));
            assertEquals("403 recipient does not accept DMs", settled.getString("actions[1].reason"));
            assertEquals("hidden", settled.getString("status"), "a failed reply takes nothing from the done hide");
        }

        // The audit trail keeps who (which rule and version), what, why and the scores.
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit")
                .then().statusCode(200)
                .body("findAll { it.ruleId == 'hide-insults' }.action", containsInAnyOrder("hide", "reply", "tag"))
                .body("find { it.action == 'hide' }.charterVersion", equalTo(1))
                .body("find { it.action == 'hide' }.details.labels.insult.evidence", hasItem("connard"))
                .body("find { it.action == 'hide' }.networkOutcome", equalTo("done"))
                .body("find { it.action == 'assign' }.actor", equalTo("rule:assign-negative"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit/statements-of-reasons")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].restriction", equalTo("visibility_restriction"))
                .body("[0].automatedDecision", equalTo(true))
                .body("[0].automatedDetection", equalTo(true))
                .body("[0].ground", equalTo("incompatible_with_terms_and_conditions"))
                .body("[0].labels", hasItem("insult"));
        String csv = given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit/statements-of-reasons?format=csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertEquals(2, csv.split("\r\n").length, csv);
    }

    @Test
    void aRepeatOffenderIsEscalatedOnTheirThirdOffence() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        saveCharter(cm, brand, """
                {'rules': [
                  {'id': 'repeat', 'name': 'Récidiviste', 'priority': 1, 'stopAfterMatch': true,
                   'when': {'repeatOffender': {'minPrevious': 2, 'withinDays': 30}}, 'then': [{'action': 'escalate'}]},
                  {'id': 'hide-insults', 'name': 'Masquer', 'priority': 2, 'when': {'label': {'name': 'insult'}},
                   'then': [{'action': 'hide'}]}]}""");
        UUID first = Interactions.receivedComment(events, "soleil", brand, cm, "Espèce d'abruti", "@troll");
        UUID second = Interactions.receivedComment(events, "soleil", brand, cm, "Bande de connards", "@troll");
        UUID third = Interactions.receivedComment(events, "soleil", brand, cm, "Bonjour, je voulais dire merci", "@troll");
        UUID other = Interactions.receivedComment(events, "soleil", brand, cm, "Bonjour, merci", "@lea");
        // Hides decided (publishing has not confirmed them here): offences all the same.
        assertEquals("hide", item(cm, brand, first).getString("networkAction.action"));
        assertEquals("hide", item(cm, brand, second).getString("networkAction.action"));
        assertEquals("escalated", item(cm, brand, third).getString("status"));
        assertEquals("new", item(cm, brand, other).getString("status"));
    }

    @Test
    void anItemHiddenAndTaggedIsOneOffenceAndAModeratorsHideIsOneToo() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        saveCharter(cm, brand, """
                {'rules': [
                  {'id': 'repeat', 'name': 'Récidiviste', 'priority': 1, 'stopAfterMatch': true,
                   'when': {'repeatOffender': {'minPrevious': 2, 'withinDays': 30}}, 'then': [{'action': 'escalate'}]},
                  {'id': 'hide-insults', 'name': 'Masquer', 'priority': 2, 'when': {'label': {'name': 'insult'}},
                   'then': [{'action': 'hide'}, {'action': 'tag', 'tags': ['insulte']}, {'action': 'assign', 'assignee': 'camille'}]}]}""");
        // Three decisions on one item, a hide among them: one offence, so not yet a repeat offender.
        UUID insult = Interactions.receivedComment(events, "soleil", brand, cm, "Espèce d'abruti", "@troll");
        assertEquals("assigned", item(cm, brand, insult).getString("status"));
        assertEquals("hide", item(cm, brand, insult).getString("networkAction.action"));
        UUID polite = Interactions.receivedComment(events, "soleil", brand, cm, "Bonjour, une question", "@troll");
        assertEquals("new", item(cm, brand, polite).getString("status"));
        // A moderator hides that one: the author's second hidden item.
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "hide", "expectedVersion", 0))
                .when().post("/brands/" + brand + "/inbox/" + polite + "/decisions")
                .then().statusCode(200).body("status", equalTo("new")).body("networkAction.action", equalTo("hide"));
        UUID third = Interactions.receivedComment(events, "soleil", brand, cm, "Bonjour, encore moi", "@troll");
        assertEquals("escalated", item(cm, brand, third).getString("status"));
    }

    @Test
    void aModeratorCanHideOrAnswerAndPublishingIsAsked() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm, "Où est ma commande ?", "@lea@piaille.fr");
        try (TopicReader actions = new TopicReader("tribu.moderation.actions")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Map.of("action", "reply", "replyText", "Bonjour Léa, nous regardons.", "expectedVersion", 0))
                    .when().post("/brands/" + brand + "/inbox/" + item + "/decisions")
                    .then().statusCode(200)
                    .body("status", equalTo("new"))
                    .body("networkAction.outcome", equalTo("requested"))
                    .body("actions[0].action", equalTo("reply"))
                    .body("actions[0].visibility", equalTo("public"))
                    .body("actions[0].requestedBy", equalTo("community-manager@soleil"));
            JsonNode event = JSON.readTree(actions.await(r -> r.value().contains(item.toString()), Duration.ofSeconds(20))
                    .orElseThrow().value());
            assertEquals("Bonjour Léa, nous regardons.", event.at("/data/replyText").asText());
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "reply", "expectedVersion", 1))
                .when().post("/brands/" + brand + "/inbox/" + item + "/decisions")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("replyText"));
    }

    private static String completed(String brand, String actionId, UUID item, String outcome, String reason) {
        ObjectNode event = (ObjectNode) read(new File("../publishing-service/src/main/resources/events/action-completed.v1.example.json"));
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", brand);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("actionId", actionId);
        data.put("itemId", item.toString());
        data.put("brandId", brand);
        data.put("outcome", outcome);
        data.put("reason", reason);
        data.put("completedAt", Instant.now().toString());
        return event.toString();
    }

    private static JsonNode read(File file) {
        try {
            return JSON.readTree(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void valid(String schemaPath, JsonNode event) throws Exception {
        try (InputStream schema = getClass().getResourceAsStream(schemaPath)) {
            var violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(event);
            assertTrue(violations.isEmpty(), () -> schemaPath + ": " + violations);
        }
    }
}
