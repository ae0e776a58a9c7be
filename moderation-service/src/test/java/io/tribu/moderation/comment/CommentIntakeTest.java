package io.tribu.moderation.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28: YouTube comments read by publishing enter the inbox once, with their video as thread, edits and answers. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CommentIntakeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Publishing owns the event's schema and example: the events sent here are its example, changed. */
    static final Path PUBLISHING_EXAMPLE = Path.of("..", "publishing-service", "src", "main", "resources", "events",
            "comment-collected.v1.example.json");
    static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /** Publishing's example as another comment: new id, brand, tenant, channel and comment. */
    static ObjectNode event(String tenant, String brand, UUID channel, String change, String commentId, String parentId,
                            boolean fromChannel, String text, Instant updatedAt) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(PUBLISHING_EXAMPLE));
        event.put("id", UUID.randomUUID().toString()).put("subject", brand).put("tenant", tenant);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("change", change).put("channelId", channel.toString()).put("brandId", brand).put("commentId", commentId)
                .put("text", text).put("fromChannel", fromChannel).put("updatedAt", updatedAt.toString())
                .put("url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=" + commentId);
        if (parentId == null) {
            data.putNull("parentId");
        } else {
            data.put("parentId", parentId);
        }
        return event;
    }

    static void send(JsonNode event) {
        events.send("tribu.publishing.comments", event.get("subject").asText(), event.toString());
    }

    static List<Map<String, Object>> inbox(String token, String brand) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?source=youtube")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aCommentIsAnItemOnceItsEditRevisesItAndTheChannelsReplyAnswersIt() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("soleil", "community-manager", brand);
        UUID channel = UUID.randomUUID();
        Instant published = Instant.parse("2026-12-07T06:12:40Z");
        ObjectNode comment = event("soleil", brand, channel, "new", "UgzA1", null, false, "Le moka est introuvable", published);
        send(comment);
        send(comment); // redelivered: nothing more
        send(event("soleil", brand, channel, "new", "UgzA1.AR1", "UgzA1", false, "Pareil à Lyon", published.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, brand).size() == 2);

        Map<String, Object> item = inbox(token, brand).stream().filter(i -> "comment".equals(i.get("kind"))).findFirst().orElseThrow();
        assertEquals("youtube", item.get("source"));
        assertEquals("dQw4w9WgXcQ", item.get("thread"));
        assertEquals("@marie-d", item.get("author"));
        assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzA1", item.get("url"));
        Map<String, Object> reply = inbox(token, brand).stream().filter(i -> "reply".equals(i.get("kind"))).findFirst().orElseThrow();
        assertEquals("dQw4w9WgXcQ", reply.get("thread"));

        // The author edits; the brand's channel answers the comment on YouTube.
        ObjectNode edit = event("soleil", brand, channel, "edited", "UgzA1", null, false, "Le moka est introuvable (édité)",
                published.plusSeconds(300));
        send(edit);
        send(edit);
        send(event("soleil", brand, channel, "new", "UgzA1.AR2", "UgzA1", true, "Il revient lundi !", published.plusSeconds(400)));
        String itemId = (String) item.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath one = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + itemId).then().statusCode(200)
                    .extract().jsonPath();
            return "Le moka est introuvable (édité)".equals(one.getString("text")) && one.getString("firstResponseAt") != null;
        });
        JsonPath history = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + itemId + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, history.getList("entries.findAll { it.kind == 'edited' }").size(), "the redelivered edit applied once");
        assertEquals(2, inbox(token, brand).size(), "the channel's own reply is an answer, not an item");
        assertNotNull(history.getList("entries"));
    }

    @Test
    void aReplyToAYoutubeCommentIsAskedOfPublishingWithTheCommentIdAndItsOutcomeAnswersTheItem() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("soleil", "community-manager", brand);
        send(event("soleil", brand, UUID.randomUUID(), "new", "UgzR9.AR3", "UgzR9", false, "Et en boutique ?",
                Instant.parse("2026-12-07T06:12:40Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(token, brand).size() == 1);
        String itemId = (String) inbox(token, brand).get(0).get("id");
        try (TopicReader actions = new TopicReader("tribu.moderation.actions")) {
            JsonPath asked = given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("action", "reply", "replyText", "Oui, dès lundi !", "visibility", "public", "expectedVersion", 0))
                    .when().post("/brands/" + brand + "/inbox/" + itemId + "/decisions").then().statusCode(200).extract().jsonPath();
            assertEquals("requested", asked.getString("networkAction.outcome"));
            JsonNode requested = JSON.readTree(actions.await(r -> r.value().contains(itemId), Duration.ofSeconds(30)).orElseThrow().value())
                    .get("data");
            assertEquals("youtube", requested.get("network").asText());
            assertEquals("UgzR9.AR3", requested.get("targetExternalId").asText(), "publishing finds the thread from the reply's id");
            assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzR9.AR3", requested.get("targetUrl").asText());

            ObjectNode done = (ObjectNode) JSON.readTree(Files.readString(
                    PUBLISHING_EXAMPLE.resolveSibling("action-completed.v1.example.json")));
            done.put("id", UUID.randomUUID().toString()).put("tenant", "soleil").put("subject", brand);
            ((ObjectNode) done.get("data")).put("actionId", requested.get("actionId").asText()).put("itemId", itemId).put("brandId", brand)
                    .put("action", "reply").put("network", "youtube").put("outcome", "done").putNull("reason")
                    .put("resultExternalId", "UgzR9.AR4").put("resultUrl", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzR9.AR4");
            events.send("tribu.publishing.actions", brand, done.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> "replied".equals(given().auth().oauth2(token)
                    .when().get("/brands/" + brand + "/inbox/" + itemId).then().statusCode(200).extract().jsonPath().getString("status")));
        }
    }

    /** Publishing's example as a reply on X: the brand's post (conversation) as thread, the tweet's x.com address. */
    static ObjectNode xReply(String brand, String postId, String tweetId, String parentId, String text) throws Exception {
        ObjectNode event = event("soleil", brand, UUID.randomUUID(), "new", tweetId, parentId, false, text, Instant.parse("2026-12-07T08:00:00Z"));
        ((ObjectNode) event.get("data")).put("network", "x").put("accountId", "@cafelumiere").put("videoId", postId)
                .put("url", "https://x.com/julien/status/" + tweetId).set("author", JSON.createObjectNode().put("name", "@julien")
                        .put("accountId", "2244994945"));
        return event;
    }

    @Test
    void anXReplyIsAnItemOfSourceXWithTheBrandsPostAsThreadAndItsHideIsAskedOfPublishingOnX() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("soleil", "community-manager", brand);
        send(xReply(brand, "1860000000000000001", "1860000000000000002", null, "@cafelumiere Et les horaires ?"));
        send(xReply(brand, "1860000000000000001", "1860000000000000003", "1860000000000000002", "@julien @cafelumiere Pareil"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?source=x")
                .then().statusCode(200).extract().jsonPath().getList("items").size() == 2);
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?source=x")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> comment = items.stream().filter(i -> "comment".equals(i.get("kind"))).findFirst().orElseThrow();
        assertEquals("x", comment.get("source"));
        assertEquals("1860000000000000001", comment.get("thread"));
        assertEquals("@julien", comment.get("author"));
        assertEquals("https://x.com/julien/status/1860000000000000002", comment.get("url"));
        assertEquals("1860000000000000001", items.stream().filter(i -> "reply".equals(i.get("kind"))).findFirst().orElseThrow().get("thread"));
        List<Map<String, Object>> sources = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/sources")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals("x", sources.get(0).get("source"), "the console's channel filter offers x");

        String itemId = (String) comment.get("id");
        try (TopicReader actions = new TopicReader("tribu.moderation.actions")) {
            given().auth().oauth2(token).contentType("application/json").body(Map.of("action", "hide", "expectedVersion", 0))
                    .when().post("/brands/" + brand + "/inbox/" + itemId + "/decisions").then().statusCode(200);
            JsonNode requested = JSON.readTree(actions.await(r -> r.value().contains(itemId), Duration.ofSeconds(30)).orElseThrow().value())
                    .get("data");
            assertEquals("x", requested.get("network").asText());
            assertEquals("hide", requested.get("action").asText());
            assertEquals("1860000000000000002", requested.get("targetExternalId").asText(), "publishing hides the tweet by its id");
        }
    }

    @Test
    void aLinkedInCommentIsAnItemWithItsPostAsThreadAndItsReplyIsAskedOfPublishingOnLinkedIn() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("soleil", "community-manager", brand);
        String post = "urn:li:share:7300000000000000042";
        String urn = "urn:li:comment:(" + post + ",7300000000000000077)";
        String url = "https://www.linkedin.com/feed/update/" + post + "?commentUrn=" + java.net.URLEncoder.encode(urn, StandardCharsets.UTF_8);
        ObjectNode comment = event("soleil", brand, UUID.randomUUID(), "new", urn, null, false, "Le poste est-il ouvert ?",
                Instant.parse("2026-12-07T06:12:40Z"));
        ((ObjectNode) comment.get("data")).put("network", "linkedin").put("accountId", "urn:li:organization:2414183")
                .put("videoId", post).put("url", url).set("author", JSON.createObjectNode()
                        .put("name", "urn:li:person:camille42").put("accountId", "urn:li:person:camille42"));
        send(comment);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?source=linkedin")
                .then().statusCode(200).extract().jsonPath().getList("items").size() == 1);
        Map<String, Object> item = given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox?source=linkedin")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").get(0);
        assertEquals("linkedin", item.get("source"));
        assertEquals("comment", item.get("kind"));
        assertEquals(post, item.get("thread"));
        assertEquals(url, item.get("url"));
        String itemId = (String) item.get("id");
        try (TopicReader actions = new TopicReader("tribu.moderation.actions")) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("action", "reply", "replyText", "Oui, en alternance aussi", "visibility", "public", "expectedVersion", 0))
                    .when().post("/brands/" + brand + "/inbox/" + itemId + "/decisions").then().statusCode(200);
            JsonNode requested = JSON.readTree(actions.await(r -> r.value().contains(itemId), Duration.ofSeconds(30)).orElseThrow().value())
                    .get("data");
            assertEquals("linkedin", requested.get("network").asText());
            assertEquals(urn, requested.get("targetExternalId").asText());
        }
    }

    @Test
    void anotherAgencySeesNothingAndItsEventsNeverReachThisAgencysItems() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        UUID channel = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-07T06:20:00Z");
        send(event("soleil", brand, channel, "new", "UgzB1", null, false, "Bonjour", at));
        String soleil = TestTokens.token("soleil", "community-manager", brand);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(soleil, brand).size() == 1);
        String itemId = (String) inbox(soleil, brand).get(0).get("id");

        // The same brand id and comment in another agency: its own item, and its edit does not touch soleil's.
        send(event("nord", brand, channel, "new", "UgzB1", null, false, "Salut", at));
        send(event("nord", brand, channel, "edited", "UgzB1", null, false, "Salut (édité)", at.plusSeconds(60)));
        String nord = TestTokens.token("nord", "community-manager", brand);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(nord, brand).size() == 1
                && "Salut (édité)".equals(inbox(nord, brand).get(0).get("text")));
        given().auth().oauth2(nord).when().get("/brands/" + brand + "/inbox/" + itemId).then().statusCode(404);
        assertEquals("Bonjour", inbox(soleil, brand).get(0).get("text"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopic() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicReader dlq = new TopicReader("tribu.moderation.comments.dlq")) {
            ObjectNode broken = event("soleil", brand, UUID.randomUUID(), "deleted", "UgzC1", null, false, "x", Instant.now());
            send(broken);
            assertTrue(dlq.await(r -> r.value().contains(broken.get("id").asText()), Duration.ofSeconds(30)).isPresent());
        }
        String token = TestTokens.token("soleil", "community-manager", brand);
        assertEquals(0, inbox(token, brand).size());
    }
}
