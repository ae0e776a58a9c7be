package io.tribu.publishing.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.action.ActionRequests;
import io.tribu.publishing.network.fake.FakeYoutube;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.action.ActionRequests.completed;
import static io.tribu.publishing.action.ActionRequests.send;
import static io.tribu.publishing.comment.YoutubeChannels.WAIT;
import static io.tribu.publishing.comment.YoutubeChannels.awaitPoll;
import static io.tribu.publishing.comment.YoutubeChannels.connect;
import static io.tribu.publishing.comment.YoutubeChannels.quotaUsed;
import static io.tribu.publishing.comment.YoutubeChannels.youtubeChannelId;
import static io.tribu.publishing.poll.PollRows.db;
import static io.tribu.publishing.poll.PollRows.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28: moderation's actions on YouTube comments, through the real topics, against a fake YouTube Data API. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class YoutubeActionsTest {

    static final FakeYoutube YOUTUBE = FakeYoutube.forTheService();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        YOUTUBE.close();
    }

    /** A brand with a YouTube channel whose first sweep is over (its units spent); the channel's id in Tribu. */
    static String channel(String brand, String uc, String accessToken, String refreshToken) throws Exception {
        String channelId = connect("soleil", brand, uc, accessToken, refreshToken);
        awaitPoll(channelId, row -> row.get("watermark") != null || row.get("last_error") != null);
        return channelId;
    }

    /** Moderation's own example, re-addressed to this brand and YouTube comment. */
    static ObjectNode request(String tenant, String brand, String action, FakeYoutube.Comment target) throws Exception {
        ObjectNode event = ActionRequests.request(tenant, brand, action,
                "https://www.youtube.com/watch?v=" + target.videoId() + "&lc=" + target.id());
        ((ObjectNode) event.get("data")).put("network", "youtube").put("targetExternalId", target.id())
                .put("targetAuthor", target.author());
        return event;
    }

    @Test
    void aReplyGoesInTheCommentsThreadOnceEvenWhenTheRequestComesTwiceAndCosts50Units() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        FakeYoutube.Comment comment = YOUTUBE.comment(uc, "vid00000101", "Le moka est introuvable", clock.instant().minusSeconds(60));
        FakeYoutube.Comment reply = YOUTUBE.reply(uc, comment, "UCsomeoneelse00000000000", "Pareil", clock.instant().minusSeconds(30));
        String channelId = channel(brand, uc, FakeYoutube.TOKEN, FakeYoutube.REFRESH_TOKEN);
        int before = quotaUsed(channelId);
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode request = request("soleil", brand, "reply", reply);
            send(request);
            JsonNode done = completed(events, request);
            assertEquals("done", done.get("outcome").asText(), done.toString());
            assertEquals(channelId, done.get("channelId").asText());
            String text = request.get("data").get("replyText").asText();
            assertEquals(List.of("insert " + comment.id() + " " + text), YOUTUBE.writes().stream().filter(w -> w.contains(comment.id())).toList(),
                    "a reply to a reply goes in the thread of its top-level comment");
            FakeYoutube.Comment written = YOUTUBE.repliesTo(comment.id()).stream().filter(c -> c.text().equals(text)).findFirst().orElseThrow();
            assertEquals(uc, written.authorChannelId());
            assertEquals(written.id(), done.get("resultExternalId").asText());
            assertEquals("https://www.youtube.com/watch?v=vid00000101&lc=" + written.id(), done.get("resultUrl").asText());
            assertEquals(before + 50, quotaUsed(channelId), "comments.insert costs 50 units of the channel's day");

            assertEquals(List.of(), ActionRequests.outcomesOfSendingAgain(events, request, clock),
                    "the same action id is carried out once");
            assertEquals(1, YOUTUBE.writes().stream().filter(w -> w.startsWith("insert " + comment.id())).count());
        }
    }

    @Test
    void aReplyLeftMidCallIsFoundInTheThreadInsteadOfWrittenAgain() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        FakeYoutube.Comment comment = YOUTUBE.comment(uc, "vid00000102", "Ouvert dimanche ?", clock.instant().minusSeconds(60));
        String channelId = channel(brand, uc, FakeYoutube.TOKEN, FakeYoutube.REFRESH_TOKEN);
        ObjectNode request = request("soleil", brand, "reply", comment);
        String text = request.get("data").get("replyText").asText();
        // A worker wrote the reply, then stopped before recording it: the row is left in sent-intent, its lease run out.
        FakeYoutube.Comment earlier = YOUTUBE.reply(uc, comment, uc, text, clock.instant().minusSeconds(5));
        JsonNode data = request.get("data");
        OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        try (var db = db(); PreparedStatement insert = db.prepareStatement("""
                insert into moderation_action (action_id, event_id, tenant, brand_id, item_id, action, network, target_url,
                       target_external_id, reply_text, visibility, requested_by, requested_at, state, attempts, next_attempt_at,
                       lease_owner, lease_until)
                values (?, ?, 'soleil', ?, ?, 'reply', 'youtube', ?, ?, ?, 'public', 'camille', ?, 'sent-intent', 1, ?,
                        'crashed-worker', ?)""")) {
            insert.setObject(1, UUID.fromString(data.get("actionId").asText()));
            insert.setObject(2, UUID.fromString(request.get("id").asText()));
            insert.setString(3, brand);
            insert.setObject(4, UUID.fromString(data.get("itemId").asText()));
            insert.setString(5, data.get("targetUrl").asText());
            insert.setString(6, comment.id());
            insert.setString(7, text);
            insert.setObject(8, now);
            insert.setObject(9, now);
            insert.setObject(10, now.minusSeconds(1));
            try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
                int before = quotaUsed(channelId);
                insert.executeUpdate();
                JsonNode done = completed(events, request);
                assertEquals("done", done.get("outcome").asText(), done.toString());
                assertEquals(earlier.id(), done.get("resultExternalId").asText());
                assertFalse(YOUTUBE.writes().stream().anyMatch(w -> w.startsWith("insert " + comment.id())), "not written twice");
                assertEquals(before + 1, quotaUsed(channelId), "one list of the thread's replies");
            }
        }
    }

    @Test
    void hideHoldsTheCommentForReviewUnhidePublishesItAndDeleteRemovesOrRejectsIt() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        FakeYoutube.Comment viewers = YOUTUBE.comment(uc, "vid00000103", "Arnaque !", clock.instant().minusSeconds(60));
        FakeYoutube.Comment other = YOUTUBE.comment(uc, "vid00000103", "Nul", clock.instant().minusSeconds(50));
        FakeYoutube.Comment own = YOUTUBE.reply(uc, other, uc, "Vraiment ?", clock.instant().minusSeconds(40));
        String channelId = channel(brand, uc, FakeYoutube.TOKEN, FakeYoutube.REFRESH_TOKEN);
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            Map<String, String> outcomes = new HashMap<>();
            Map<String, Integer> units = new HashMap<>();
            for (var action : List.of(Map.entry("hide", viewers), Map.entry("unhide", viewers), Map.entry("delete", own),
                    Map.entry("delete", other))) {
                // Each action on a fresh day's count (the test's budget, 120 units, takes two writes a day).
                sql("update youtube_poll set quota_used = 0 where channel_id = ?", channelId);
                ObjectNode request = request("soleil", brand, action.getKey(), action.getValue());
                send(request);
                JsonNode done = completed(events, request);
                assertEquals("done", done.get("outcome").asText(), done.toString());
                assertTrue(done.get("resultExternalId").isNull());
                outcomes.put(action.getKey() + " " + action.getValue().id(), YOUTUBE.status(action.getValue().id()));
                units.put(action.getKey() + " " + action.getValue().id(), quotaUsed(channelId));
                if (action.getKey().equals("hide")) {
                    assertEquals("heldForReview", YOUTUBE.status(viewers.id()));
                }
            }
            assertEquals("published", outcomes.get("unhide " + viewers.id()));
            assertFalse(YOUTUBE.exists(own.id()), "the channel's own comment is deleted");
            assertEquals("rejected", YOUTUBE.status(other.id()), "a viewer's comment, which only its author may delete, is rejected");
            assertEquals(List.of("setModerationStatus " + viewers.id() + " heldForReview", "setModerationStatus " + viewers.id() + " published",
                    "delete " + own.id(), "setModerationStatus " + other.id() + " rejected"),
                    YOUTUBE.writes().stream().filter(w -> w.contains(viewers.id()) || w.contains(other.id())).toList());
            assertEquals(Map.of("hide " + viewers.id(), 50, "unhide " + viewers.id(), 50, "delete " + own.id(), 50,
                    "delete " + other.id(), 100), units, "50 units a write; the refused delete costs its units too, as Google counts them");

            sql("update youtube_poll set quota_used = 0 where channel_id = ?", channelId);
            ObjectNode again = request("soleil", brand, "delete", own);
            send(again);
            assertEquals("done", completed(events, again).get("outcome").asText(), "a comment already deleted: done");
            sql("update youtube_poll set quota_used = 0 where channel_id = ?", channelId);
            ObjectNode hideGone = request("soleil", brand, "hide", own);
            send(hideGone);
            JsonNode failed = completed(events, hideGone);
            assertEquals("failed", failed.get("outcome").asText());
            assertTrue(failed.get("reason").asText().startsWith("the comment is no longer on YouTube (commentNotFound"),
                    failed.get("reason").asText());
        }
    }

    @Test
    void anActionPastTheDailyBudgetWaitsForTheNextQuotaDay() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        FakeYoutube.Comment comment = YOUTUBE.comment(uc, "vid00000104", "Spam spam", clock.instant().minusSeconds(60));
        String channelId = channel(brand, uc, FakeYoutube.TOKEN, FakeYoutube.REFRESH_TOKEN);
        sql("update youtube_poll set quota_used = 71 where channel_id = ?", channelId);
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode request = request("soleil", brand, "hide", comment);
            send(request);
            String actionId = request.get("data").get("actionId").asText();
            Map<String, Object> waiting = awaitAction(actionId, row -> "pending".equals(row.get("state")) && row.get("last_error") != null);
            assertTrue(String.valueOf(waiting.get("last_error")).contains("daily budget of 120"), String.valueOf(waiting.get("last_error")));
            OffsetDateTime next = (OffsetDateTime) waiting.get("next_attempt_at");
            assertFalse(next.toInstant().isBefore(CommentPoller.nextQuotaDay(clock.instant())), "waits for the Pacific midnight: " + next);
            assertEquals("published", YOUTUBE.status(comment.id()), "nothing written");
            assertEquals(71, quotaUsed(channelId), "a write that does not fit takes nothing");
            assertEquals(List.of(), ActionRequests.outcomesSoFar(events, request, clock), "no outcome while it waits");

            // The next quota day: the action is carried out.
            sql("update youtube_poll set quota_day = quota_day - 1 where channel_id = ?", channelId);
            try (var db = db(); PreparedStatement due = db.prepareStatement(
                    "update moderation_action set next_attempt_at = now() - interval '1 second' where action_id = ?")) {
                due.setObject(1, UUID.fromString(actionId));
                assertEquals(1, due.executeUpdate());
            }
            assertEquals("done", completed(events, request).get("outcome").asText());
            assertEquals("heldForReview", YOUTUBE.status(comment.id()));
            assertEquals(50, quotaUsed(channelId), "the new day's first units");
        }
    }

    @Test
    void aRevokedTokenFailsTheActionAndTheChannelShowsFailing() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        FakeYoutube.Comment comment = YOUTUBE.comment(uc, "vid00000105", "Bonjour", clock.instant().minusSeconds(60));
        // Google no longer takes the access token, nor the refresh token (revoked by the channel's owner).
        String channelId = channel(brand, uc, "ya29.revoked-access-token", "1//revoked-refresh-token");
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode request = request("soleil", brand, "reply", comment);
            send(request);
            JsonNode failed = completed(events, request);
            assertEquals("failed", failed.get("outcome").asText());
            assertTrue(failed.get("reason").asText().contains("reconnect the channel"), failed.get("reason").asText());
            assertNull(YOUTUBE.repliesTo(comment.id()).stream().findFirst().orElse(null));
        }
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).when().get("/brands/" + brand + "/channels/" + channelId)
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("failing"));
    }

    @Test
    void anotherAgencysRequestNeverUsesThisAgencysChannel() throws Exception {
        String brand = Drafts.freshBrand();
        String uc = youtubeChannelId();
        FakeYoutube.Comment comment = YOUTUBE.comment(uc, "vid00000106", "Bonjour", clock.instant().minusSeconds(60));
        channel(brand, uc, FakeYoutube.TOKEN, FakeYoutube.REFRESH_TOKEN);
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode foreign = request("lune", brand, "hide", comment);
            send(foreign);
            JsonNode failed = completed(events, foreign);
            assertEquals("failed", failed.get("outcome").asText());
            assertEquals("the brand has no youtube channel connected", failed.get("reason").asText());
            assertEquals("published", YOUTUBE.status(comment.id()));
        }
    }

    static Map<String, Object> awaitAction(String actionId, java.util.function.Predicate<Map<String, Object>> wanted) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(WAIT);
        Map<String, Object> row = new HashMap<>();
        while (java.time.Instant.now().isBefore(deadline)) {
            try (var db = db(); PreparedStatement query = db.prepareStatement("select * from moderation_action where action_id = ?")) {
                query.setObject(1, UUID.fromString(actionId));
                try (ResultSet rows = query.executeQuery()) {
                    row.clear();
                    if (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            Object value = rows.getObject(i) instanceof java.sql.Timestamp ? rows.getObject(i, OffsetDateTime.class) : rows.getObject(i);
                            row.put(rows.getMetaData().getColumnName(i), value);
                        }
                    }
                }
            }
            if (!row.isEmpty() && wanted.test(row)) {
                return row;
            }
            Thread.sleep(100);
            ActionRequests.tickNow();
        }
        throw new AssertionError("action " + actionId + " never as wanted: " + row);
    }
}
