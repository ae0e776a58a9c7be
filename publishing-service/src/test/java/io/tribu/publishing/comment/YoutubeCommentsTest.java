package io.tribu.publishing.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.network.fake.FakeYoutube;
import io.tribu.publishing.poll.PollRows;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.comment.YoutubeChannels.ROWS;
import static io.tribu.publishing.comment.YoutubeChannels.awaitPoll;
import static io.tribu.publishing.comment.YoutubeChannels.connect;
import static io.tribu.publishing.comment.YoutubeChannels.quotaUsed;
import static io.tribu.publishing.poll.PollRows.sql;
import static io.tribu.publishing.comment.YoutubeChannels.youtubeChannelId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28: comments and replies on the brands' YouTube channels, polled and announced once each (and per edit). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class YoutubeCommentsTest {

    /** The service's clock: the fixtures' times and the expected quota day follow it, not the test machine's. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    @jakarta.inject.Inject
    CommentPollMetrics metrics;

    static final FakeYoutube YOUTUBE = FakeYoutube.forTheService();

    @AfterAll
    static void stop() {
        YOUTUBE.close();
    }

    static Map<String, String> changes(List<JsonNode> events) {
        Map<String, String> changes = new HashMap<>();
        for (JsonNode event : events) {
            assertEquals(null, changes.put(event.get("data").get("commentId").asText() + "@" + event.get("data").get("updatedAt").asText(),
                    event.get("data").get("change").asText()), "announced once: " + event);
        }
        return changes;
    }

    @Test
    void commentsAndRepliesAreAnnouncedOnceAndAgainWhenEditedOrReplied() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        Instant now = clock.instant();
        FakeYoutube.Comment first = YOUTUBE.comment(uc, "vid00000001", "Le moka est introuvable", now.minusSeconds(3600));
        YOUTUBE.comment(uc, "vid00000001", "Super vidéo", now.minusSeconds(1800));
        FakeYoutube.Comment third = YOUTUBE.comment(uc, "vid00000002", "Quand rouvrez-vous ?", now.minusSeconds(600));
        FakeYoutube.Comment reply = YOUTUBE.reply(uc, first, "UCsomeoneelse00000000000", "Pareil pour moi", now.minusSeconds(3000));
        FakeYoutube.Comment answer = YOUTUBE.reply(uc, first, uc, "Il revient lundi !", now.minusSeconds(2900));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, uc, FakeYoutube.TOKEN);
            List<JsonNode> events = ROWS.events(reader, brand, 5);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(5, events.size());
            assertTrue(changes(events).values().stream().allMatch("new"::equals));
            JsonNode top = events.stream().filter(e -> e.get("data").get("commentId").asText().equals(third.id())).findFirst().orElseThrow();
            assertEquals("soleil", top.get("tenant").asText());
            assertEquals(channelId, top.get("data").get("channelId").asText());
            assertEquals("vid00000002", top.get("data").get("videoId").asText());
            assertTrue(top.get("data").get("parentId").isNull());
            assertEquals("Quand rouvrez-vous ?", top.get("data").get("text").asText());
            assertEquals("https://www.youtube.com/watch?v=vid00000002&lc=" + third.id(), top.get("data").get("url").asText());
            JsonNode replied = events.stream().filter(e -> e.get("data").get("commentId").asText().equals(reply.id())).findFirst().orElseThrow();
            assertEquals(first.id(), replied.get("data").get("parentId").asText());
            assertFalse(replied.get("data").get("fromChannel").asBoolean());
            assertEquals("https://www.youtube.com/watch?v=vid00000001&lc=" + reply.id(), replied.get("data").get("url").asText());
            JsonNode own = events.stream().filter(e -> e.get("data").get("commentId").asText().equals(answer.id())).findFirst().orElseThrow();
            assertTrue(own.get("data").get("fromChannel").asBoolean(), "the channel's own answer is marked");
            assertEquals(2, quotaUsed(channelId), "two pages of threads; the replies came with their thread");

            // The author edits a comment and someone replies: the next sweep announces exactly these two.
            YOUTUBE.edit(uc, third, "Quand rouvrez-vous ? (édité)", now.minusSeconds(60));
            FakeYoutube.Comment late = YOUTUBE.reply(uc, first, "UClatecomer0000000000000", "Merci !", now.minusSeconds(30));
            ROWS.due(channelId);
            List<JsonNode> next = ROWS.events(reader, brand, 2);
            ROWS.nothingMore(reader, brand, clock);
            Map<String, String> nextChanges = changes(next);
            assertEquals("edited", nextChanges.get(third.id() + "@" + now.minusSeconds(60)));
            assertEquals("new", nextChanges.get(late.id() + "@" + now.minusSeconds(30)));
            assertEquals("Quand rouvrez-vous ? (édité)", next.stream().filter(e -> e.get("data").get("change").asText().equals("edited"))
                    .findFirst().orElseThrow().get("data").get("text").asText());
        }
    }

    @Test
    void aReplyEditedWithoutANewReplyIsAnnouncedReadingOnlyTheThreadsTooLongToComeWithTheirReplies() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        Instant now = clock.instant();
        FakeYoutube.Comment small = YOUTUBE.comment(uc, "vid00000008", "Petit fil", now.minusSeconds(600));
        FakeYoutube.Comment smallReply = YOUTUBE.reply(uc, small, "UCsmall00000000000000000", "oui", now.minusSeconds(590));
        YOUTUBE.reply(uc, small, "UCsmall00000000000000001", "non", now.minusSeconds(580));
        FakeYoutube.Comment big = YOUTUBE.comment(uc, "vid00000008", "Long fil", now.minusSeconds(500));
        List<FakeYoutube.Comment> bigReplies = new ArrayList<>();
        for (int i = 0; i <= FakeYoutube.INLINE_REPLIES; i++) {
            bigReplies.add(YOUTUBE.reply(uc, big, "UCbig000000000000000000" + i, "réponse " + i, now.minusSeconds(490 - i)));
        }
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, uc, FakeYoutube.TOKEN);
            assertEquals(10, ROWS.events(reader, brand, 10).size());
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(0, YOUTUBE.replyReads(small.id()), "its two replies came with the thread");
            assertEquals(1 + 3, quotaUsed(channelId), "a page of threads, and the long thread's 6 replies in 3 pages of 2");

            // Two replies edited: no reply count changes.
            FakeYoutube.Comment lastOfBig = bigReplies.get(FakeYoutube.INLINE_REPLIES);
            YOUTUBE.edit(uc, smallReply, "oui (édité)", now.minusSeconds(20));
            YOUTUBE.edit(uc, lastOfBig, "réponse (éditée)", now.minusSeconds(10));
            ROWS.due(channelId);
            Map<String, String> edits = changes(ROWS.events(reader, brand, 2));
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(Map.of(smallReply.id() + "@" + now.minusSeconds(20), "edited", lastOfBig.id() + "@" + now.minusSeconds(10), "edited"),
                    edits);
            assertEquals(0, YOUTUBE.replyReads(small.id()));
            assertEquals(4 + 1 + 3, quotaUsed(channelId), "the long thread, begun within the lookback, is read again: 3 units");
        }
    }

    @Test
    void aSweepStoppedMidwayGoesOnFromTheFirstPageNotStoredWithoutGapOrDuplicate() throws Exception {
        String uc = youtubeChannelId();
        Instant now = clock.instant();
        ROWS.resumesAtThePageNotStored(new PollRows.Listed() {
            public Set<String> add(int count) {
                return java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> YOUTUBE.comment(uc, "vid00000003", "commentaire " + i, now.minusSeconds(100L * (i + 1))).id())
                        .collect(Collectors.toSet());
            }

            public String connect(String brand) {
                return YoutubeChannels.connect("soleil", brand, uc, FakeYoutube.TOKEN);
            }

            public void failPage(int offset) {
                YOUTUBE.failPage(FakeYoutube.pageToken(offset));
            }

            public String pageToken(int offset) {
                return FakeYoutube.pageToken(offset);
            }

            public List<String> pageTokens() {
                return YOUTUBE.threadPageTokens(uc);
            }

            public String id(JsonNode event) {
                return event.get("data").get("commentId").asText();
            }
        }, clock);
    }

    @Test
    void aSpentDailyBudgetStopsTheChannelUntilThePacificMidnightAndTheSweepGoesOnThen() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        Instant now = clock.instant();
        for (int i = 0; i < 245; i++) {
            YOUTUBE.comment(uc, "vid00000004", "avis " + i, now.minusSeconds(10L * (i + 1)));
        }
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, uc, FakeYoutube.TOKEN);
            List<JsonNode> spent = ROWS.events(reader, brand, 240);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(240, spent.size(), "120 units (tribu.youtube.daily-units in test) read 120 pages of 2");
            Map<String, Object> poll = ROWS.row(channelId);
            assertEquals(120, poll.get("quota_used"));
            assertEquals(FakeYoutube.pageToken(240), poll.get("page_token"));
            assertEquals(CommentPoller.nextQuotaDay(clock.instant()), ((OffsetDateTime) poll.get("next_poll_at")).toInstant());
            assertTrue(String.valueOf(poll.get("last_error")).contains("daily budget of 120"));
            assertNull(poll.get("failing_since"), "a spent quota day is no failure");
            var view = given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand))
                    .when().get("/brands/" + brand + "/channels/" + channelId).then().statusCode(200).extract().jsonPath();
            assertEquals(CommentPoller.nextQuotaDay(clock.instant()), Instant.parse(view.getString("polling.nextPollAt")), "paused until");
            assertEquals(120, view.getInt("polling.quotaUsed"));
            assertEquals("connected", view.getString("state"));

            // The next quota day: the sweep goes on where it stopped.
            sql("update youtube_poll set quota_day = quota_day - 1, next_poll_at = now() where channel_id = ?", channelId);
            List<JsonNode> rest = ROWS.events(reader, brand, 5);
            ROWS.nothingMore(reader, brand, clock);
            List<JsonNode> both = new ArrayList<>(spent);
            both.addAll(rest);
            assertEquals(245, changes(both).size(), "245 comments, each once");
            assertEquals(3, quotaUsed(channelId));
        }
    }

    @Test
    void googlesQuotaExceededStopsTheChannelUntilThePacificMidnight() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        YOUTUBE.comment(uc, "vid00000005", "Bonjour", clock.instant().minusSeconds(5));
        YOUTUBE.exhaustQuota();
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, uc, FakeYoutube.TOKEN);
            Map<String, Object> poll = awaitPoll(channelId, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("quotaExceeded"), String.valueOf(poll.get("last_error")));
            assertEquals(CommentPoller.nextQuotaDay(clock.instant()), ((OffsetDateTime) poll.get("next_poll_at")).toInstant());
            ROWS.nothingMore(reader, brand, clock);
            ROWS.due(channelId);
            assertEquals(1, ROWS.events(reader, brand, 1).size());
        }
    }

    @Test
    void anExpiredTokenIsRenewedAndARevokedOneIsRecordedAsTheLastError() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        YOUTUBE.comment(uc, "vid00000006", "Premier", clock.instant().minusSeconds(5));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            String channelId = connect("soleil", brand, uc, "ya29.expired-before-the-first-call");
            assertEquals(1, ROWS.events(reader, brand, 1).size(), "401, refreshed, read again");
            assertTrue(YOUTUBE.refreshed());

            YOUTUBE.expireRefreshedTokens();
            YOUTUBE.revokeRefreshToken();
            YOUTUBE.comment(uc, "vid00000006", "Second", clock.instant().minusSeconds(1));
            ROWS.due(channelId);
            Map<String, Object> poll = awaitPoll(channelId, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("token refused by YouTube and not renewed"),
                    String.valueOf(poll.get("last_error")));
            ROWS.nothingMore(reader, brand, clock);

            // The channel's view says it, and so do the operators' metrics.
            var view = given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand))
                    .when().get("/brands/" + brand + "/channels/" + channelId).then().statusCode(200).extract().jsonPath();
            assertEquals("failing", view.getString("state"), "the poll's refused token makes the channel failing");
            assertTrue(view.getString("polling.lastError").startsWith("token refused by YouTube and not renewed"));
            assertEquals(((OffsetDateTime) poll.get("last_error_at")).toInstant(), Instant.parse(view.getString("polling.lastErrorAt")));
            assertEquals(((OffsetDateTime) poll.get("failing_since")).toInstant(), Instant.parse(view.getString("polling.failingSince")));
            metrics.refresh().await().indefinitely();
            String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(scraped.contains("tribu_comment_polls_total{network=\"youtube\",result=\"token-refused\"}"), "polls counted by result");
            assertTrue(scraped.contains("tribu_comment_polls_total{network=\"youtube\",result=\"complete\"}"));
            double failing = Double.parseDouble(scraped.lines().filter(line -> line.startsWith("tribu_comment_poll_failing_seconds{network=\"youtube\""))
                    .findFirst().orElseThrow().replaceAll(".* ", ""));
            long thisOne = java.time.Duration.between(((OffsetDateTime) poll.get("failing_since")).toInstant(), clock.instant()).toSeconds();
            assertTrue(failing >= thisOne, "at least as long as this channel has been failing (" + thisOne + " s): " + failing);

            // New credentials: polled again, the error and the failing state go.
            YOUTUBE.restoreRefreshToken();
            JsonNode second = ROWS.healedBy(reader, "soleil", brand, channelId, Map.of("network", "youtube", "handle", uc,
                    "credentials", Map.of("accessToken", FakeYoutube.TOKEN, "refreshToken", FakeYoutube.REFRESH_TOKEN,
                            "clientId", FakeYoutube.CLIENT_ID, "clientSecret", FakeYoutube.CLIENT_SECRET)));
            assertEquals("Second", second.get("data").get("text").asText());
        }
    }

    @Test
    void twoAgenciesWithTheSameYoutubeChannelEachGetTheirOwnEventsOnly() throws Exception {
        String soleil = Drafts.freshBrand();
        String lune = Drafts.freshBrand();
        String uc = youtubeChannelId();
        YOUTUBE.comment(uc, "vid00000007", "Un", clock.instant().minusSeconds(20));
        YOUTUBE.comment(uc, "vid00000007", "Deux", clock.instant().minusSeconds(10));
        try (TopicReader reader = new TopicReader("tribu.publishing.comments")) {
            // Waited for on the poller's schedule alone: the test that proves the scheduled tick sweeps.
            PollRows onSchedule = ROWS.onSchedule();
            String soleilChannel = connect("soleil", soleil, uc, FakeYoutube.TOKEN);
            String luneChannel = connect("lune", lune, uc, FakeYoutube.TOKEN);
            List<JsonNode> ofSoleil = onSchedule.events(reader, soleil, 2);
            List<JsonNode> ofLune = onSchedule.events(reader, lune, 2);
            onSchedule.nothingMore(reader, soleil, clock);
            onSchedule.nothingMore(reader, lune, clock);
            assertEquals(2, ofSoleil.size());
            assertEquals(2, ofLune.size());
            assertTrue(ofSoleil.stream().allMatch(e -> e.get("tenant").asText().equals("soleil")
                    && e.get("data").get("channelId").asText().equals(soleilChannel)));
            assertTrue(ofLune.stream().allMatch(e -> e.get("tenant").asText().equals("lune")
                    && e.get("data").get("channelId").asText().equals(luneChannel)));
        }
    }
}
