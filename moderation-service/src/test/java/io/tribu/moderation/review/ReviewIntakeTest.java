package io.tribu.moderation.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28: Google Business Profile reviews read by publishing enter the inbox as kind review with their stars; an
 * update revises the item; rating is a filter and a charter condition; the brand's answer can be deleted (delete_reply).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewIntakeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Publishing owns the event's schema and example: the events sent here are its example, changed. */
    static final Path PUBLISHING_EXAMPLE = Path.of("..", "publishing-service", "src", "main", "resources", "events",
            "review-collected.v1.example.json");
    static final String LOCATION = "accounts/108214523309174/locations/4471029385716203";
    static TestEvents events;

    @Inject
    Clock clock;

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

    /** Publishing's example as another review: new id, brand, tenant, channel, review, stars and text. */
    static ObjectNode event(String tenant, String brand, UUID channel, String change, String reviewId, Integer rating, String text,
                            Instant publishedAt, Instant updatedAt) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(PUBLISHING_EXAMPLE));
        event.put("id", UUID.randomUUID().toString()).put("subject", brand).put("tenant", tenant);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("change", change).put("channelId", channel.toString()).put("brandId", brand).put("reviewId", reviewId)
                .put("reviewName", LOCATION + "/reviews/" + reviewId).put("text", text)
                .put("publishedAt", publishedAt.toString()).put("updatedAt", updatedAt.toString());
        if (rating == null) {
            data.putNull("rating");
        } else {
            data.put("rating", rating);
        }
        return event;
    }

    static void send(JsonNode event) {
        events.send("tribu.publishing.reviews", event.get("subject").asText(), event.toString());
    }

    static List<Map<String, Object>> inbox(String token, String brand, String query) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?source=google_business" + query)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aReviewIsAnItemOnceWithItsStarsAndAnUpdateRevisesTextAndStars() throws Exception {
        String brand = freshBrand();
        String token = TestTokens.token("soleil", "community-manager", brand);
        UUID channel = UUID.randomUUID();
        Instant published = clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode review = event("soleil", brand, channel, "new", "R1", 2, "Café froid", published, published);
        send(review);
        send(review); // redelivered: nothing more
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, brand, "").size() == 1);
        Map<String, Object> item = inbox(token, brand, "").get(0);
        assertEquals("review", item.get("kind"));
        assertEquals("google_business", item.get("source"));
        assertEquals(LOCATION, item.get("thread"));
        assertEquals(2, item.get("rating"));
        assertEquals("Marie D.", item.get("author"));
        assertEquals("Café froid", item.get("text"));
        assertNull(item.get("firstResponseAt"));

        // The customer comes back: four stars, new words; the update is delivered twice.
        ObjectNode update = event("soleil", brand, channel, "updated", "R1", 4, "Café froid, mais l'équipe s'est excusée",
                published, published.plusSeconds(600));
        send(update);
        send(update);
        String itemId = (String) item.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(4).equals(one(token, brand, itemId).get("rating")));
        JsonPath revised = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + itemId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Café froid, mais l'équipe s'est excusée", revised.getString("text"));
        // Stars alone changed, the same text: still an update of the item.
        send(event("soleil", brand, channel, "updated", "R1", 5, "Café froid, mais l'équipe s'est excusée", published,
                published.plusSeconds(900)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(5).equals(one(token, brand, itemId).get("rating")));
        JsonPath history = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + itemId + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, history.getList("entries.findAll { it.kind == 'edited' }").size(), "the redelivered update applied once");

        // The business answered on Google (outside Tribu): the brand's answer, its first response.
        ObjectNode answered = event("soleil", brand, channel, "new", "R2", 1, "Jamais plus", published, published);
        ((ObjectNode) answered.get("data")).putObject("reply").put("text", "Nous sommes désolés, Marie.")
                .put("updatedAt", published.plusSeconds(120).toString());
        send(answered);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, brand, "").size() == 2);
        Map<String, Object> second = inbox(token, brand, "").stream().filter(i -> Integer.valueOf(1).equals(i.get("rating")))
                .findFirst().orElseThrow();
        assertEquals(published.plusSeconds(120).toString(), second.get("firstResponseAt"));
        assertEquals("replied", second.get("status"));
    }

    @Test
    void deletingTheBrandsAnswerAsksPublishingAndOnceDoneTheReviewWaitsAgainInTheAudit() throws Exception {
        String brand = freshBrand();
        String token = TestTokens.token("soleil", "community-manager", brand);
        Instant published = clock.instant().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode answered = event("soleil", brand, UUID.randomUUID(), "new", "R9", 1, "Serveur impoli", published, published);
        Instant repliedAt = published.plusSeconds(300);
        ((ObjectNode) answered.get("data")).putObject("reply").put("text", "Venez, on vous offre le café.")
                .put("updatedAt", repliedAt.toString());
        send(answered);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, brand, "").size() == 1);
        Map<String, Object> item = inbox(token, brand, "").get(0);
        String itemId = (String) item.get("id");
        assertEquals("replied", item.get("status"));
        int version = (Integer) item.get("version");

        try (TopicReader requests = new TopicReader("tribu.moderation.actions")) {
            JsonPath asked = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("action", "delete_reply", "reason", "promesse que nous ne tiendrons pas", "expectedVersion", version))
                    .when().post("/brands/" + brand + "/inbox/" + itemId + "/decisions").then().statusCode(200).extract().jsonPath();
            assertEquals("replied", asked.getString("status"), "the answer is there until Google confirms");
            assertEquals("delete_reply", asked.getString("networkAction.action"));
            assertEquals("requested", asked.getString("networkAction.outcome"));
            String actionId = asked.getString("networkAction.actionId");
            JsonNode request = JSON.readTree(requests.await(r -> r.value().contains(actionId), Duration.ofSeconds(20))
                    .orElseThrow().value());
            assertEquals("delete_reply", request.get("data").get("action").asText());
            assertEquals("google_business", request.get("data").get("network").asText());
            assertEquals(LOCATION + "/reviews/R9", request.get("data").get("targetExternalId").asText());

            ObjectNode done = (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "publishing-service", "src", "main",
                    "resources", "events", "action-completed.v1.example.json")));
            done.put("id", UUID.randomUUID().toString()).put("tenant", "soleil").put("subject", brand);
            ((ObjectNode) done.get("data")).put("actionId", actionId).put("itemId", itemId).put("brandId", brand)
                    .put("action", "delete_reply").put("network", "google_business").put("outcome", "done").putNull("reason")
                    .putNull("resultExternalId").putNull("resultUrl").put("completedAt", clock.instant().toString());
            events.send("tribu.publishing.actions", brand, done.toString());
            events.send("tribu.publishing.actions", brand, done.put("id", UUID.randomUUID().toString()).toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "new".equals(one(token, brand, itemId).get("status")));
            Map<String, Object> unanswered = one(token, brand, itemId);
            assertEquals("done", ((Map<?, ?>) unanswered.get("networkAction")).get("outcome"));
            assertEquals(repliedAt.toString(), unanswered.get("firstResponseAt"), "it was answered then; the SLA stays met");
            assertEquals(version + 2, unanswered.get("version"), "decided, then confirmed once (the replay changed nothing)");
        }
        List<Map<String, Object>> audit = given().auth().oauth2(token).when().get("/brands/" + brand + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertTrue(audit.stream().anyMatch(entry -> "delete_reply".equals(entry.get("action"))
                && "promesse que nous ne tiendrons pas".equals(entry.get("reason"))), audit.toString());

        // Another agency's token on the same brand id: not found; a comment has no answer of its own to delete.
        given().auth().oauth2(TestTokens.token("nord", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("action", "delete_reply", "expectedVersion", version + 2))
                .when().post("/brands/" + brand + "/inbox/" + itemId + "/decisions").then().statusCode(404);
        UUID comment = io.tribu.moderation.inbox.Interactions.receivedComment(events, "soleil", brand, token);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", "delete_reply", "expectedVersion", 0))
                .when().post("/brands/" + brand + "/inbox/" + comment + "/decisions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("action"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", "unreply", "expectedVersion", 0))
                .when().post("/brands/" + brand + "/inbox/" + comment + "/decisions").then().statusCode(400)
                .body("violations[0].field", equalTo("action"));
    }

    private static Map<String, Object> one(String token, String brand, String itemId) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + itemId).then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    @Test
    void ratingFiltersTheInboxAndABadValueIsAProblemNamingIt() throws Exception {
        String brand = freshBrand();
        String token = TestTokens.token("soleil", "analyst", brand);
        UUID channel = UUID.randomUUID();
        Instant at = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int stars = 1; stars <= 5; stars++) {
            send(event("soleil", brand, channel, "new", "F" + stars, stars, stars + " étoiles", at.plusSeconds(stars), at.plusSeconds(stars)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, brand, "").size() == 5);
        assertEquals(List.of(2, 1), inbox(token, brand, "&rating=1,2").stream().map(i -> i.get("rating")).toList());
        assertEquals(List.of(5), inbox(token, brand, "&rating=5").stream().map(i -> i.get("rating")).toList());
        given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/counts?rating=1,2").then().statusCode(200)
                .body("new", equalTo(2));
        for (String bad : List.of("0", "6", "1,,2", "deux", "1.5")) {
            given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?rating=" + bad).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://tribu.io/problems/invalid-parameter"))
                    .body("violations[0].field", equalTo("rating"));
        }
    }

    @Test
    void aCharterRuleOnLowStarsAssignsEscalatesAndTagsAndLeavesTheOthers() throws Exception {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("""
                        {"rules": [{"id": "avis-negatifs", "name": "Avis négatifs", "when": {"all": [{"kind": ["review"]},
                          {"rating": {"max": 2}}]}, "then": [{"action": "assign", "assignee": "astreinte"},
                          {"action": "escalate"}, {"action": "tag", "tags": ["avis-negatif"]}]}]}""")
                .when().put("/brands/" + brand + "/charter").then().statusCode(200);
        UUID channel = UUID.randomUUID();
        Instant at = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        send(event("soleil", brand, channel, "new", "C1", 1, "Horrible", at, at));
        send(event("soleil", brand, channel, "new", "C5", 5, "Parfait", at.plusSeconds(1), at.plusSeconds(1)));
        send(event("soleil", brand, channel, "new", "C0", null, "Pas d'étoiles données", at.plusSeconds(2), at.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(cm, brand, "").size() == 3);
        Map<String, Object> low = inbox(cm, brand, "&rating=1").get(0);
        assertEquals("escalated", low.get("status"));
        assertEquals("astreinte", low.get("assignee"));
        assertEquals(List.of("avis-negatif"), low.get("tags"));
        assertTrue(inbox(cm, brand, "").stream().filter(i -> !Integer.valueOf(1).equals(i.get("rating")))
                .allMatch(i -> "new".equals(i.get("status")) && ((List<?>) i.get("tags")).isEmpty()), "5 stars and none: untouched");

        // Bad conditions are refused with the path of the field.
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("""
                        {"rules": [{"id": "a", "name": "a", "when": {"rating": {"min": 4, "max": 2}}, "then": [{"action": "escalate"}]},
                                   {"id": "b", "name": "b", "when": {"rating": {"max": 9}}, "then": [{"action": "escalate"}]},
                                   {"id": "c", "name": "c", "when": {"rating": {"below": 2}}, "then": [{"action": "escalate"}]}]}""")
                .when().put("/brands/" + brand + "/charter").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("rules[0].when.rating.max", "rules[1].when.rating.max", "rules[2].when.rating.below"));
    }

    @Test
    void anotherAgencysReviewIsNotFoundAndABadEventGoesToTheDeadLetterTopic() throws Exception {
        String brand = freshBrand();
        UUID channel = UUID.randomUUID();
        Instant at = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        send(event("soleil", brand, channel, "new", "T1", 3, "Moyen", at, at));
        String soleil = TestTokens.token("soleil", "community-manager", brand);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(soleil, brand, "").size() == 1);
        String itemId = (String) inbox(soleil, brand, "").get(0).get("id");
        String nord = TestTokens.token("nord", "community-manager", brand);
        given().auth().oauth2(nord).when().get("/brands/" + brand + "/inbox/" + itemId).then().statusCode(404);
        assertEquals(0, inbox(nord, brand, "&rating=3").size());

        try (TopicReader dlq = new TopicReader("tribu.moderation.reviews.dlq")) {
            ObjectNode sixStars = event("soleil", brand, channel, "new", "T2", 6, "Trop bien", at, at);
            send(sixStars);
            assertTrue(dlq.await(r -> r.value().contains(sixStars.get("id").asText()), Duration.ofSeconds(30)).isPresent());
        }
        assertEquals(1, inbox(soleil, brand, "").size());
    }
}
