package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.access.SignIn;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxTest {

    static final String MENTIONS = "tribu.listening.mentions";
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

    static List<Map<String, Object>> inbox(String token, String brand) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static UUID receivedComment(String tenant, String brand, String token) {
        return Interactions.receivedComment(events, tenant, brand, token);
    }

    @Test
    void ownedChannelCommentsBecomeInboxItemsOnceWebMentionsDoNot() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID comment = UUID.randomUUID();
        String event = MentionEvents.event(MentionEvents.OWNED_COMMENT_EXAMPLE, UUID.randomUUID(), comment, "soleil", brand);
        events.send(MENTIONS, brand, event);
        events.send(MENTIONS, brand, event);
        events.send(MENTIONS, brand, MentionEvents.event(MentionEvents.WEB_MENTION_EXAMPLE, UUID.randomUUID(),
                UUID.randomUUID(), "soleil", brand));
        // A later owned comment on the same partition proves the three events above were all handled.
        UUID later = UUID.randomUUID();
        events.send(MENTIONS, brand, MentionEvents.event(MentionEvents.OWNED_COMMENT_EXAMPLE, UUID.randomUUID(),
                later, "soleil", brand));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(cm, brand).size() >= 2);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?status=new")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.id", hasItem(comment.toString()))
                .body("items.id", hasItem(later.toString()))
                .body("items[0].kind", equalTo("comment"))
                .body("items[0].status", equalTo("new"))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aDecisionIsAuditedAndEmitted() throws Exception {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = receivedComment("soleil", brand, cm);
        SignIn.as("soleil", "camille");

        try (TopicReader decisions = new TopicReader("tribu.moderation.decisions")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Map.of("action", "assign", "assignee", "camille", "reason", "client mécontent",
                            "expectedVersion", 0))
                    .when().post("/brands/" + brand + "/inbox/" + item + "/decisions")
                    .then().statusCode(200)
                    .body("status", equalTo("assigned"))
                    .body("assignee", equalTo("camille"))
                    .body("version", equalTo(1));

            ConsumerRecord<String, String> record = decisions
                    .await(r -> r.value().contains(item.toString()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no decision event on the topic"));
            assertEquals(brand, record.key());
            JsonNode event = new ObjectMapper().readTree(record.value());
            assertEquals("tribu.moderation.decision.recorded.v1", event.get("type").asText());
            assertEquals("new", event.at("/data/fromStatus").asText());
            assertEquals("assigned", event.at("/data/toStatus").asText());
            assertEquals("mastodon", event.at("/data/source").asText(), "the item's channel, for response times per channel");
            try (InputStream schema = getClass().getResourceAsStream("/events/decision-recorded.v1.schema.json")) {
                var violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(schema).validate(event);
                assertTrue(violations.isEmpty(), () -> "decision event off its schema: " + violations);
            }
        }
    }

    @Test
    void twoModeratorsAtOnceExactlyOneWins() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String admin = TestTokens.token("soleil", "admin", brand);
        UUID item = receivedComment("soleil", brand, cm);
        String path = "/brands/" + brand + "/inbox/" + item + "/decisions";

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().auth().oauth2(cm)
                .contentType(ContentType.JSON).body(Map.of("action", "close", "expectedVersion", 0))
                .post(path).statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> given().auth().oauth2(admin)
                .contentType(ContentType.JSON).body(Map.of("action", "escalate", "expectedVersion", 0))
                .post(path).statusCode());

        List<Integer> statuses = List.of(first.join(), second.join());
        assertTrue(statuses.contains(200) && statuses.contains(409), () -> "statuses were " + statuses);
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "reopen", "expectedVersion", 0))
                .when().post(path)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentVersion", equalTo(1));
    }

    @Test
    void invalidDecisionsAnswer400NamingTheField() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = receivedComment("soleil", brand, cm);
        String path = "/brands/" + brand + "/inbox/" + item + "/decisions";

        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "explode", "expectedVersion", 0))
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("action"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "expectedVersion", 0))
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", hasItem(containsString("required when action is assign")));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "close"))
                .when().post(path)
                .then().statusCode(400)
                .body("violations.field", hasItem("expectedVersion"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body("{\"action\":\"close\",\"expectedVersion\":\"zero\"}")
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("expectedVersion"))
                .body(org.hamcrest.Matchers.not(containsString("java.")));
        // Decimals and out-of-range integers are refused, never truncated (1.5 was read as version 1).
        for (String version : List.of("1.5", "0.0", "99999999999999999999999")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body("{\"action\":\"close\",\"expectedVersion\":" + version + "}")
                    .when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("expectedVersion")));
        }
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?status=lost")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("status"));
        // Nothing was decided by the rejected requests.
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + item)
                .then().statusCode(200).body("status", equalTo("new")).body("version", equalTo(0));
    }

    @Test
    void searchPagesWithACursorAndCountsPerStatus() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        for (int hour = 10; hour < 15; hour++) {
            String event = MentionEvents.event(MentionEvents.OWNED_COMMENT_EXAMPLE, UUID.randomUUID(),
                    UUID.randomUUID(), "soleil", brand).replace("2026-11-21T18:42:00Z", "2026-11-21T" + hour + ":00:00Z");
            events.send(MENTIONS, brand, event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(cm, brand).size() == 5);
        String newest = (String) inbox(cm, brand).get(0).get("id");
        SignIn.as("soleil", "camille");
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "camille", "expectedVersion", 0))
                .when().post("/brands/" + brand + "/inbox/" + newest + "/decisions").then().statusCode(200);

        var first = given().auth().oauth2(cm).queryParam("limit", 2)
                .when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].publishedAt", equalTo("2026-11-21T14:00:00Z"))
                .extract().jsonPath();
        var second = given().auth().oauth2(cm).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].publishedAt", equalTo("2026-11-21T12:00:00Z"))
                .extract().jsonPath();
        given().auth().oauth2(cm).queryParam("limit", 2).queryParam("cursor", second.getString("nextCursor"))
                .when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].publishedAt", equalTo("2026-11-21T10:00:00Z"))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());

        given().auth().oauth2(cm).queryParam("assignee", "camille")
                .when().get("/brands/" + brand + "/inbox")
                .then().body("items.size()", equalTo(1)).body("items[0].id", equalTo(newest));
        given().auth().oauth2(cm).queryParam("source", "mastodon")
                .queryParam("from", "2026-11-21T11:00:00Z").queryParam("to", "2026-11-21T13:00:00Z")
                .when().get("/brands/" + brand + "/inbox")
                .then().body("items.size()", equalTo(2));
        given().auth().oauth2(cm).queryParam("source", "bluesky")
                .when().get("/brands/" + brand + "/inbox")
                .then().body("items.size()", equalTo(0));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200)
                .body("new", equalTo(4)).body("assigned", equalTo(1)).body("closed", equalTo(0));
        given().auth().oauth2(TestTokens.token("nord", "admin", brand)).when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200).body("new", equalTo(0));
    }

    @Test
    void unreadableSearchParametersAnswer400() {
        String cm = TestTokens.token("soleil", "community-manager", "cafe-lumiere");
        given().auth().oauth2(cm).queryParam("cursor", "not-a-cursor")
                .when().get("/brands/cafe-lumiere/inbox")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("cursor"));
        given().auth().oauth2(cm).queryParam("from", "hier")
                .when().get("/brands/cafe-lumiere/inbox")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(cm).queryParam("limit", 500)
                .when().get("/brands/cafe-lumiere/inbox")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void accessRules() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = receivedComment("soleil", brand, cm);
        String path = "/brands/" + brand + "/inbox/" + item;

        given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .body(Map.of("action", "close", "expectedVersion", 0))
                .when().post(path + "/decisions")
                .then().statusCode(403).contentType("application/problem+json");
        // Another agency, even holding the same brand id in its token, sees nothing.
        String nord = TestTokens.token("nord", "admin", brand);
        given().auth().oauth2(nord).when().get(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(nord).contentType(ContentType.JSON)
                .body(Map.of("action", "close", "expectedVersion", 0))
                .when().post(path + "/decisions")
                .then().statusCode(404);
        assertEquals(0, inbox(nord, brand).size());
    }

    @Test
    void itemsAreClassifiedOnArrivalAndFilterableByLabel() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID insulting = UUID.randomUUID();
        UUID polite = UUID.randomUUID();
        events.send(MENTIONS, brand, withText(insulting, brand, "Vous êtes vraiment des connards, service nul"));
        events.send(MENTIONS, brand, withText(polite, brand, "Merci pour la livraison rapide"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(cm, brand).size() == 2);

        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?label=insult")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(insulting.toString()))
                .body("items[0].labels.insult.evidence", hasItem("connard"))
                .body("items[0].labels.toxicity.score", org.hamcrest.Matchers.greaterThanOrEqualTo(0.5f));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + polite)
                .then().statusCode(200).body("labels.size()", equalTo(0));
        // Another tenant's token for the same brand name sees nothing.
        given().auth().oauth2(TestTokens.token("lune", "community-manager", brand))
                .when().get("/brands/" + brand + "/inbox?label=insult")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void searchFiltersBySentiment() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID negative = UUID.randomUUID();
        UUID positive = UUID.randomUUID();
        events.send(MENTIONS, brand, withText(negative, brand, "Trois semaines que j'attends"));
        com.fasterxml.jackson.databind.node.ObjectNode happy = (com.fasterxml.jackson.databind.node.ObjectNode)
                readTree(withText(positive, brand, "Merci, livraison parfaite"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) happy.at("/data/sentiment")).put("label", "positive").put("score", 0.8);
        events.send(MENTIONS, brand, happy.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(cm, brand).size() == 2);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?sentiment=positive")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(positive.toString())))
                .body("items[0].sentiment", equalTo("positive"))
                .body("items[0].sentimentScore", equalTo(0.8f));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?sentiment=negative")
                .then().statusCode(200).body("items.id", equalTo(List.of(negative.toString())));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?sentiment=angry")
                .then().statusCode(400).body("violations[0].field", equalTo("sentiment"));
    }

    @Test
    void unknownLabelIsA400NamingTheParameter() {
        String brand = freshBrand();
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand))
                .when().get("/brands/" + brand + "/inbox?label=rude")
                .then().statusCode(400).contentType(containsString("problem+json"))
                .body("violations[0].field", equalTo("label"));
    }

    @Test
    void aRetriedDecisionWithItsIdempotencyKeyIsRecordedOnce() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = receivedComment("soleil", brand, cm);
        String path = "/brands/" + brand + "/inbox/" + item + "/decisions";
        String key = UUID.randomUUID().toString();
        SignIn.as("soleil", "camille");
        Map<String, Object> decision = Map.of("action", "assign", "assignee", "camille", "expectedVersion", 0);

        given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key).body(decision)
                .when().post(path).then().statusCode(200).body("version", equalTo(1));
        // The answer was lost; the client sends the same request again.
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key).body(decision)
                .when().post(path).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("status", equalTo("assigned")).body("version", equalTo(1));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/audit").then().statusCode(200)
                .body("findAll { it.itemId == '" + item + "' }.action", equalTo(List.of("assign")));
        // The same key for another decision is refused; a retry without a key meets the version check.
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("action", "close", "expectedVersion", 1))
                .when().post(path).then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(decision)
                .when().post(path).then().statusCode(409).body("currentVersion", equalTo(1));
    }

    private static String withText(UUID mentionId, String brand, String text) {
        com.fasterxml.jackson.databind.node.ObjectNode event = (com.fasterxml.jackson.databind.node.ObjectNode)
                readTree(MentionEvents.event(MentionEvents.OWNED_COMMENT_EXAMPLE, UUID.randomUUID(), mentionId, "soleil", brand));
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("data")).put("text", text);
        return event.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
