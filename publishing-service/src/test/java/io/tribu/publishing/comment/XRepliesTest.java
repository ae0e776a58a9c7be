package io.tribu.publishing.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.network.fake.FakeX;
import io.tribu.publishing.poll.PollRows;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28: replies to the brands' own posts on X, polled from the mentions timeline and announced once each. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class XRepliesTest {

    static final FakeX X = FakeX.forTheService();
    static final PollRows ROWS = new PollRows("x_poll", "tribu.publishing.comments", "comment-collected.v1",
            () -> Arc.container().instance(XReplyPoller.class).get().tick());

    /** The service's clock: the fixtures' times follow it, not the test machine's. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    @AfterAll
    static void stop() {
        X.close();
    }

    /** A new X account of the fake (its own mentions), as a numeric user id. */
    static String account() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
    }

    static String connect(String tenant, String brand, Map<String, String> credentials) {
        return given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "x", "handle", "@brand-" + brand, "credentials", credentials))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201).extract().path("id");
    }

    static String connect(String tenant, String brand, String user) {
        return connect(tenant, brand, Map.of("accessToken", X.tokenOf(user)));
    }

    static JsonNode of(List<JsonNode> events, String postId) {
        return events.stream().filter(e -> e.get("data").get("commentId").asText().equals(postId)).findFirst()
                .orElseThrow(() -> new AssertionError(postId + " not announced: " + events));
    }

    @Test
    void repliesInTheBrandsConversationsAreAnnouncedOnceWithThePostAsThreadAndTheNextSweepReadsOnlyNewerOnes() throws Exception {
        String brand = Drafts.freshBrand();
        String user = account();
        Instant now = clock.instant();
        String post = X.ownTweet(user, "Nouvelle carte d'hiver", now.minusSeconds(7200));
        String first = X.othersTweet("2244994945", "@brand Et les horaires ?", post, now.minusSeconds(3600));
        String second = X.othersTweet("2244994946", "@julien @brand Pareil, on aimerait savoir", first, now.minusSeconds(3000));
        X.mentionOf(user, "2244994947", "Le meilleur café, @brand", now.minusSeconds(2900));
        String elsewhere = X.othersTweet("2244994948", "@autre regardez @brand", X.ownTweet("1999", "Un autre compte", now.minusSeconds(5000)),
                now.minusSeconds(2800));
        X.alsoMentions(elsewhere, user);
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, user);
            List<JsonNode> events = ROWS.events(reader, brand, 2);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(Set.of(first, second), events.stream().map(e -> e.get("data").get("commentId").asText()).collect(Collectors.toSet()),
                    "only the replies in a conversation the brand's account began: no bare mention, no other conversation");

            JsonNode comment = of(events, first);
            assertEquals("soleil", comment.get("tenant").asText());
            JsonNode data = comment.get("data");
            assertEquals("new", data.get("change").asText());
            assertEquals("x", data.get("network").asText());
            assertEquals(channelId, data.get("channelId").asText());
            assertEquals(post, data.get("videoId").asText(), "the brand's post is the thread");
            assertTrue(data.get("parentId").isNull(), "a reply to the post itself is a comment on it");
            assertEquals("@brand Et les horaires ?", data.get("text").asText());
            assertEquals("2244994945", data.get("author").get("accountId").asText());
            assertEquals("@user994945", data.get("author").get("name").asText());
            assertEquals("https://x.com/user994945/status/" + first, data.get("url").asText());
            assertFalse(data.get("fromChannel").asBoolean());
            assertEquals(now.minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), Instant.parse(data.get("publishedAt").asText()));
            assertEquals(first, of(events, second).get("data").get("parentId").asText(), "a reply to a reply answers it");
            assertEquals(post, of(events, second).get("data").get("videoId").asText());

            Map<String, Object> poll = ROWS.row(channelId);
            assertEquals(user, poll.get("user_id"));
            assertEquals(elsewhere, poll.get("since_id"), "the newest mention read: the next sweep asks for newer ones only");
            assertNull(poll.get("page_token"));

            long lookups = X.received().stream().filter(r -> r.startsWith("GET /2/tweets ") && r.endsWith(X.tokenOf(user))).count();
            assertEquals(2, lookups, "a lookup for each page with a conversation not seen before");

            // A new reply: the next sweep reads from since_id on and announces it alone.
            String third = X.othersTweet("2244994949", "@brand Merci !", post, now.minusSeconds(60));
            ROWS.due(channelId);
            List<JsonNode> next = ROWS.events(reader, brand, 1);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(third, next.get(0).get("data").get("commentId").asText());
            assertEquals(third, ROWS.row(channelId).get("since_id"));
            assertEquals(1L, X.received().stream().filter(r -> r.startsWith("GET /2/users/me ") && r.endsWith(X.tokenOf(user))).count(),
                    "the account's id is asked once");
            assertEquals(lookups, X.received().stream().filter(r -> r.startsWith("GET /2/tweets ") && r.endsWith(X.tokenOf(user))).count(),
                    "a conversation's first post is looked up once");
        }
    }

    @Test
    void aSweepStoppedMidwayGoesOnFromTheFirstPageNotStoredWithoutGapOrDuplicate() throws Exception {
        String user = account();
        Instant now = clock.instant();
        String post = X.ownTweet(user, "Ouverture le dimanche", now.minusSeconds(10_000));
        List<String> replies = new ArrayList<>();
        ROWS.resumesAtThePageNotStored(new PollRows.Listed() {
            public Set<String> add(int count) {
                // Written oldest first: the newest has the highest id, as on X.
                IntStream.range(0, count).forEach(i -> replies.add(0,
                        X.othersTweet("30000000" + i, "@brand réponse " + i, post, now.minusSeconds(100L * (count - i)))));
                return Set.copyOf(replies);
            }

            public String connect(String brand) {
                return XRepliesTest.connect("soleil", brand, user);
            }

            public void failPage(int offset) {
                X.failPage(pageToken(offset));
            }

            public String pageToken(int offset) {
                return FakeX.paginationToken(replies.get(offset));
            }

            public List<String> pageTokens() {
                return X.mentionTokens(user);
            }

            public String id(JsonNode event) {
                return event.get("data").get("commentId").asText();
            }
        }, clock);
    }

    @Test
    void aRateLimitWaitsForItsResetWithoutCountingAsAFailure() throws Exception {
        String brand = Drafts.freshBrand();
        String user = account();
        Instant now = clock.instant();
        String post = X.ownTweet(user, "Galette des rois", now.minusSeconds(600));
        String reply = X.othersTweet("2244994950", "@brand Avec fève ?", post, now.minusSeconds(300));
        long reset = now.plusSeconds(900).getEpochSecond();
        X.script("/2/users/" + user + "/mentions", 429, Map.of("x-rate-limit-reset", Long.toString(reset), "x-rate-limit-remaining", "0"),
                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}");
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, user);
            Map<String, Object> poll = ROWS.await(channelId, row -> row.get("last_error") != null);
            assertEquals(Instant.ofEpochSecond(reset), ((OffsetDateTime) poll.get("next_poll_at")).toInstant(), "polled again at X's reset");
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("429 Too Many Requests"), String.valueOf(poll.get("last_error")));
            assertNull(poll.get("failing_since"), "a rate limit is no failure");
            ROWS.nothingMore(reader, brand, clock);
            var view = given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand))
                    .when().get("/brands/" + brand + "/channels/" + channelId).then().statusCode(200).extract().jsonPath();
            assertEquals(Instant.ofEpochSecond(reset), Instant.parse(view.getString("polling.nextPollAt")));
            assertEquals("connected", view.getString("state"));

            ROWS.due(channelId);
            assertEquals(reply, ROWS.events(reader, brand, 1).get(0).get("data").get("commentId").asText());
        }
    }

    @Test
    void anExpiredTokenIsRenewedAndARefusedOneMakesTheChannelFailingUntilNewCredentials() throws Exception {
        String renewedBrand = Drafts.freshBrand();
        String post = X.ownTweet(FakeX.ME, "Soirée jazz " + UUID.randomUUID(), clock.instant().minusSeconds(600));
        String reply = X.othersTweet("2244994951", "@cafelumiere À quelle heure ?", post, clock.instant().minusSeconds(300));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            connect("soleil", renewedBrand, Map.of("accessToken", "expired-x-token", "refreshToken", X.issueRefreshToken(),
                    "clientId", FakeX.CLIENT_ID));
            assertEquals(reply, ROWS.events(reader, renewedBrand, 1).get(0).get("data").get("commentId").asText(), "401, renewed, read");
            ROWS.nothingMore(reader, renewedBrand, clock);

            String brand = Drafts.freshBrand();
            String user = account();
            String channelId = connect("soleil", brand, Map.of("accessToken", "revoked-x-token", "refreshToken", "x-refresh-revoked",
                    "clientId", FakeX.CLIENT_ID));
            Map<String, Object> poll = ROWS.await(channelId, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("token refused by X and not renewed: Unauthorized"),
                    String.valueOf(poll.get("last_error")));
            var view = given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand))
                    .when().get("/brands/" + brand + "/channels/" + channelId).then().statusCode(200).extract().jsonPath();
            assertEquals("failing", view.getString("state"), "the poll's refused token makes the channel failing");
            assertEquals(((OffsetDateTime) poll.get("failing_since")).toInstant(), Instant.parse(view.getString("polling.failingSince")));
            String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(scraped.contains("tribu_comment_polls_total{network=\"x\",result=\"token-refused\"}"), "polls counted by network and result");

            // New credentials: polled again, the error and the failing state go.
            String mine = X.othersTweet("2244994952", "@brand Bravo", X.ownTweet(user, "Nouveau", clock.instant().minusSeconds(60)),
                    clock.instant().minusSeconds(30));
            JsonNode healed = ROWS.healedBy(reader, "soleil", brand, channelId,
                    Map.of("network", "x", "handle", "@brand-" + brand, "credentials", Map.of("accessToken", X.tokenOf(user))));
            assertEquals(mine, healed.get("data").get("commentId").asText());
        }
    }

    @Test
    void twoAgenciesWithTheSameXAccountEachGetTheirOwnEventsOnly() throws Exception {
        String soleil = Drafts.freshBrand();
        String lune = Drafts.freshBrand();
        String user = account();
        String post = X.ownTweet(user, "Partagé", clock.instant().minusSeconds(60));
        X.othersTweet("2244994953", "@brand Un", post, clock.instant().minusSeconds(20));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            // Waited for on the poller's schedule alone: the test that proves the scheduled tick sweeps.
            PollRows onSchedule = ROWS.onSchedule();
            String soleilChannel = connect("soleil", soleil, user);
            String luneChannel = connect("lune", lune, user);
            List<JsonNode> ofSoleil = onSchedule.events(reader, soleil, 1);
            List<JsonNode> ofLune = onSchedule.events(reader, lune, 1);
            onSchedule.nothingMore(reader, soleil, clock);
            onSchedule.nothingMore(reader, lune, clock);
            assertTrue(ofSoleil.stream().allMatch(e -> e.get("tenant").asText().equals("soleil")
                    && e.get("data").get("channelId").asText().equals(soleilChannel)));
            assertTrue(ofLune.stream().allMatch(e -> e.get("tenant").asText().equals("lune")
                    && e.get("data").get("channelId").asText().equals(luneChannel)));
            given().auth().oauth2(TestTokens.token("lune", "community-manager", lune))
                    .when().get("/brands/" + lune + "/channels/" + soleilChannel).then().statusCode(404);
        }
    }
}
