package io.tribu.publishing.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.action.ActionRequests;
import io.tribu.publishing.network.fake.FakeLinkedIn;
import io.tribu.publishing.poll.PollRows;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28: comments and replies on the brands' published LinkedIn posts, polled into the inbox's event, answered from it. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LinkedInCommentsTest {

    static final FakeLinkedIn LINKEDIN = FakeLinkedIn.forTheService();
    static final PollRows ROWS = new PollRows("linkedin_poll", "tribu.publishing.comments", "comment-collected.v1",
            () -> Arc.container().instance(LinkedInCommentPoller.class).get().tick());

    /** The service's clock: posts and comments are dated from it. */
    @jakarta.inject.Inject
    Clock clock;

    @AfterAll
    static void stop() {
        LINKEDIN.close();
    }

    static String organization() {
        return "urn:li:organization:" + (10_000_000L + (long) (Math.random() * 89_999_999L));
    }

    static String share() {
        return "urn:li:share:" + (7_300_000_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
    }

    /**
     * Connects the LinkedIn page to the brand and waits for its first sweep (no post yet: nothing read); returns the
     * channel's id in Tribu.
     */
    static String connect(String tenant, String brand, String organization, String accessToken, String refreshToken) throws Exception {
        String channelId = given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "linkedin", "handle", organization, "credentials", Map.of("accessToken", accessToken,
                        "refreshToken", refreshToken, "clientId", FakeLinkedIn.CLIENT_ID, "clientSecret", FakeLinkedIn.CLIENT_SECRET)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201).extract().path("id");
        ROWS.await(channelId, row -> row.get("watermark") != null && row.get("lease_owner") == null);
        return channelId;
    }

    /** The post as Tribu published it on the channel at {@code at} (its delivery published). */
    static void published(String tenant, String brand, String channelId, String urn, Instant at) throws Exception {
        UUID post = UUID.randomUUID();
        try (Connection db = PollRows.db();
             PreparedStatement posts = db.prepareStatement("insert into post (id, tenant, brand_id, title, status, tags, created_by, "
                     + "created_at) values (?, ?, ?, 'Recrutement', 'published', '{}', 'camille', ?)");
             PreparedStatement deliveries = db.prepareStatement("insert into delivery (id, tenant, brand_id, post_id, channel_id, network, "
                     + "text, due_at, state, next_attempt_at, external_id, url, published_at, outcome_at) values (?, ?, ?, ?, ?, 'linkedin', "
                     + "'Nous recrutons', ?, 'published', ?, ?, ?, ?, ?)")) {
            posts.setObject(1, post);
            posts.setString(2, tenant);
            posts.setString(3, brand);
            posts.setTimestamp(4, Timestamp.from(at));
            posts.executeUpdate();
            deliveries.setObject(1, UUID.randomUUID());
            deliveries.setString(2, tenant);
            deliveries.setString(3, brand);
            deliveries.setObject(4, post);
            deliveries.setObject(5, UUID.fromString(channelId));
            deliveries.setTimestamp(6, Timestamp.from(at));
            deliveries.setTimestamp(7, Timestamp.from(at));
            deliveries.setString(8, urn);
            deliveries.setString(9, "https://www.linkedin.com/feed/update/" + urn);
            deliveries.setTimestamp(10, Timestamp.from(at));
            deliveries.setTimestamp(11, Timestamp.from(at));
            deliveries.executeUpdate();
        }
    }

    static JsonNode about(List<JsonNode> events, String urn) {
        return events.stream().filter(e -> e.get("data").get("commentId").asText().equals(urn)).findFirst()
                .orElseThrow(() -> new AssertionError(urn + " not announced: " + events));
    }

    @Test
    void commentsAndRepliesOfThePostsWithinTheWindowAreAnnouncedOnceAndAgainWhenEdited() throws Exception {
        String brand = Drafts.freshBrand();
        String org = organization();
        String post = share();
        String old = share();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String camille = LINKEDIN.comment(post, "urn:li:person:camille42", "Le poste est-il ouvert en alternance ?", now.minusSeconds(3000));
        String louis = LINKEDIN.comment(post, "urn:li:person:louis7", "Bravo !", now.minusSeconds(2000));
        String lea = LINKEDIN.comment(post, "urn:li:person:lea3", "Et à Lyon ?", now.minusSeconds(1500));
        String reply = LINKEDIN.reply(camille, "urn:li:person:jeanne9", "Je me pose la même question", now.minusSeconds(1000));
        String answer = LINKEDIN.reply(camille, org, "Oui, à partir de septembre", now.minusSeconds(900));
        LINKEDIN.comment(old, "urn:li:person:paul1", "Toujours d'actualité ?", now.minusSeconds(3600));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, org, FakeLinkedIn.TOKEN, FakeLinkedIn.REFRESH_TOKEN);
            published("soleil", brand, channelId, old, clock.instant().minus(Duration.ofDays(30)));
            published("soleil", brand, channelId, post, clock.instant().minus(Duration.ofHours(2)));
            ROWS.due(channelId);
            List<JsonNode> events = ROWS.events(reader, brand, 5);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(Set.of(camille, louis, lea, reply, answer),
                    events.stream().map(e -> e.get("data").get("commentId").asText()).collect(Collectors.toSet()));
            assertTrue(events.stream().allMatch(e -> e.get("data").get("change").asText().equals("new")));
            assertEquals(List.of(), LINKEDIN.listCalls(old), "a post older than tribu.linkedin.window is not polled");
            assertEquals(List.of(0, 2), LINKEDIN.listCalls(post), "three comments, two to a page");
            assertEquals(List.of(0), LINKEDIN.listCalls(camille), "the replies of the comment that has some");

            JsonNode top = about(events, camille).get("data");
            assertEquals("soleil", about(events, camille).get("tenant").asText());
            assertEquals("linkedin", top.get("network").asText());
            assertEquals(channelId, top.get("channelId").asText());
            assertEquals(org, top.get("accountId").asText());
            assertEquals(post, top.get("videoId").asText(), "the post is the thread");
            assertTrue(top.get("parentId").isNull());
            assertEquals("urn:li:person:camille42", top.get("author").get("accountId").asText());
            assertEquals("Le poste est-il ouvert en alternance ?", top.get("text").asText());
            assertEquals(now.minusSeconds(3000), Instant.parse(top.get("publishedAt").asText()));
            assertEquals("https://www.linkedin.com/feed/update/" + post + "?commentUrn="
                    + java.net.URLEncoder.encode(camille, java.nio.charset.StandardCharsets.UTF_8), top.get("url").asText());
            assertFalse(top.get("fromChannel").asBoolean());
            assertEquals(camille, about(events, reply).get("data").get("parentId").asText());
            assertEquals(post, about(events, reply).get("data").get("videoId").asText());
            assertTrue(about(events, answer).get("data").get("fromChannel").asBoolean(), "the page's own answer is marked");

            // Léa edits her comment and someone else comments: the next sweep announces exactly these two.
            LINKEDIN.edit(lea, "Et à Lyon ou Grenoble ?", now.minusSeconds(60));
            String late = LINKEDIN.comment(post, "urn:li:person:hugo5", "Candidature envoyée", now.minusSeconds(30));
            ROWS.due(channelId);
            List<JsonNode> next = ROWS.events(reader, brand, 2);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals("edited", about(next, lea).get("data").get("change").asText());
            assertEquals("Et à Lyon ou Grenoble ?", about(next, lea).get("data").get("text").asText());
            assertEquals(now.minusSeconds(60), Instant.parse(about(next, lea).get("data").get("updatedAt").asText()));
            assertEquals("new", about(next, late).get("data").get("change").asText());
        }
    }

    @Test
    void aSweepStoppedMidwayGoesOnFromTheFirstPageNotStoredWithoutGapOrDuplicate() throws Exception {
        String org = organization();
        String post = share();
        Instant now = clock.instant();
        ROWS.resumesAtThePageNotStored(new PollRows.Listed() {
            public Set<String> add(int count) {
                return java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> LINKEDIN.comment(post, "urn:li:person:p" + i, "commentaire " + i, now.minusSeconds(100L * (count - i))))
                        .collect(Collectors.toSet());
            }

            public String connect(String brand) {
                try {
                    String channelId = LinkedInCommentsTest.connect("soleil", brand, org, FakeLinkedIn.TOKEN, FakeLinkedIn.REFRESH_TOKEN);
                    published("soleil", brand, channelId, post, clock.instant().minus(Duration.ofHours(1)));
                    ROWS.due(channelId);
                    return channelId;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            public void failPage(int offset) {
                LINKEDIN.failList(post, offset);
            }

            public String pageToken(int offset) {
                return post + " " + offset;
            }

            public List<String> pageTokens() {
                return LINKEDIN.listCalls(post).stream().map(start -> start == 0 ? "-" : pageToken(start)).toList();
            }

            public String id(JsonNode event) {
                return event.get("data").get("commentId").asText();
            }
        }, clock);
    }

    @Test
    void anExpiredTokenIsRenewedAndARevokedOneShowsOnTheChannelUntilItIsReconnected() throws Exception {
        String brand = Drafts.freshBrand();
        String post = share();
        String comment = LINKEDIN.comment(post, "urn:li:person:nina2", "Quel salaire ?", clock.instant().minusSeconds(600));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String renewed = connect("soleil", brand, organization(), "expired-token", FakeLinkedIn.REFRESH_TOKEN);
            published("soleil", brand, renewed, post, clock.instant().minus(Duration.ofHours(1)));
            ROWS.due(renewed);
            assertEquals(comment, ROWS.events(reader, brand, 1).get(0).get("data").get("commentId").asText(), "read with the renewed token");
            ROWS.nothingMore(reader, brand, clock);
            assertNull(ROWS.row(renewed).get("last_error"));

            String other = Drafts.freshBrand();
            String revoked = connect("soleil", other, organization(), "expired-token", "revoked-refresh");
            published("soleil", other, revoked, post, clock.instant().minus(Duration.ofHours(1)));
            ROWS.due(revoked);
            Map<String, Object> poll = ROWS.await(revoked, row -> Boolean.TRUE.equals(row.get("auth_failure")));
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("token refused by LinkedIn and not renewed: 401 INVALID_ACCESS_TOKEN"),
                    String.valueOf(poll.get("last_error")));
            assertNotNull(poll.get("failing_since"));
            var view = given().auth().oauth2(TestTokens.token("soleil", "community-manager", other))
                    .when().get("/brands/" + other + "/channels/" + revoked).then().statusCode(200).extract().jsonPath();
            assertEquals(poll.get("last_error"), view.getString("polling.lastError"));
            assertNotNull(view.getString("polling.failingSince"));
            // Another agency's view of the brand knows nothing of the channel.
            given().auth().oauth2(TestTokens.token("nord", "community-manager", other))
                    .when().get("/brands/" + other + "/channels/" + revoked).then().statusCode(404);
        }
    }

    @Test
    void aThrottledPollWaitsWithItsCursorAndADeletedPostIsSkipped() throws Exception {
        String brand = Drafts.freshBrand();
        String deleted = share();
        String post = share();
        LINKEDIN.comment(deleted, "urn:li:person:omar4", "Lien mort ?", clock.instant().minusSeconds(900));
        LINKEDIN.deletePost(deleted);
        String comment = LINKEDIN.comment(post, "urn:li:person:ines8", "Merci pour l'info", clock.instant().minusSeconds(600));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            // Waited for on the poller's schedule alone: the test that proves the scheduled tick sweeps.
            PollRows onSchedule = ROWS.onSchedule();
            String channelId = connect("soleil", brand, organization(), FakeLinkedIn.TOKEN, FakeLinkedIn.REFRESH_TOKEN);
            LINKEDIN.script("/" + post + "/comments", 429, Map.of(), "{\"status\":429,\"message\":\"Resource level throttle "
                    + "APPLICATION DAY limit for calls to this resource is reached.\"}");
            published("soleil", brand, channelId, deleted, clock.instant().minus(Duration.ofHours(1)));
            published("soleil", brand, channelId, post, clock.instant().minus(Duration.ofMinutes(30)));
            onSchedule.due(channelId);
            Map<String, Object> poll = onSchedule.await(channelId, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("429"), String.valueOf(poll.get("last_error")));
            assertNull(poll.get("page_token"), "nothing stored: the sweep starts again at the newest post");
            assertFalse((Boolean) poll.get("auth_failure"));

            onSchedule.due(channelId);
            List<JsonNode> events = onSchedule.events(reader, brand, 1);
            onSchedule.nothingMore(reader, brand, clock);
            assertEquals(comment, events.get(0).get("data").get("commentId").asText());
            assertEquals(List.of(0), LINKEDIN.listCalls(deleted), "the deleted post answered 404 and was passed");
            Map<String, Object> done = ROWS.row(channelId);
            assertNull(done.get("last_error"));
            assertNull(done.get("page_token"), "sweep complete");
        }
    }

    @Test
    void aCollectedCommentIsAnsweredFromTheInboxAndTheAnswerComesBackAsTheBrands() throws Exception {
        String brand = Drafts.freshBrand();
        String org = organization();
        String post = share();
        String camille = LINKEDIN.comment(post, "urn:li:person:camille42", "Vous ouvrez le dimanche ?", clock.instant().minusSeconds(600));
        try (TopicReader comments = new TopicReader("tribu.publishing.comments");
             TopicReader actions = new TopicReader("tribu.publishing.actions")) {
            String channelId = connect("soleil", brand, org, FakeLinkedIn.TOKEN, FakeLinkedIn.REFRESH_TOKEN);
            published("soleil", brand, channelId, post, clock.instant().minus(Duration.ofHours(1)));
            LINKEDIN.publishedBy(post, org);
            ROWS.due(channelId);
            JsonNode collected = ROWS.events(comments, brand, 1).get(0).get("data");
            ROWS.nothingMore(comments, brand, clock);

            // Moderation asks for a reply on the item, addressed as the event gave it.
            ObjectNode request = ActionRequests.request("soleil", brand, "reply", collected.get("url").asText());
            ((ObjectNode) request.get("data")).put("network", "linkedin").put("targetExternalId", collected.get("commentId").asText());
            ActionRequests.send(request);
            JsonNode done = ActionRequests.completed(actions, request);
            assertEquals("done", done.get("outcome").asText(), done.toString());
            List<Map<String, Object>> replies = LINKEDIN.commentsUnder(camille);
            assertEquals(1, replies.size());
            assertEquals(org, replies.get(0).get("actor"));
            assertEquals(done.get("resultExternalId").asText(), replies.get(0).get("commentUrn"));

            // The next sweep reads it as the page's own answer to Camille.
            ROWS.due(channelId);
            JsonNode own = ROWS.events(comments, brand, 1).get(0).get("data");
            ROWS.nothingMore(comments, brand, clock);
            assertEquals(done.get("resultExternalId").asText(), own.get("commentId").asText());
            assertEquals(camille, own.get("parentId").asText());
            assertTrue(own.get("fromChannel").asBoolean());

            // LinkedIn offers no hiding: a clear refusal, not an error.
            ObjectNode hide = ActionRequests.request("soleil", brand, "hide", collected.get("url").asText());
            ((ObjectNode) hide.get("data")).put("network", "linkedin").put("targetExternalId", camille);
            ActionRequests.send(hide);
            JsonNode refused = ActionRequests.completed(actions, hide);
            assertEquals("failed", refused.get("outcome").asText());
            assertEquals("linkedin does not support hide", refused.get("reason").asText());

            // Delete, and again once it is gone (404 on LinkedIn): done both times.
            for (int i = 0; i < 2; i++) {
                ObjectNode delete = ActionRequests.request("soleil", brand, "delete", collected.get("url").asText());
                ((ObjectNode) delete.get("data")).put("network", "linkedin").put("targetExternalId", camille);
                ActionRequests.send(delete);
                assertEquals("done", ActionRequests.completed(actions, delete).get("outcome").asText());
            }
            assertFalse(LINKEDIN.hasComment(camille));
        }
    }
}
