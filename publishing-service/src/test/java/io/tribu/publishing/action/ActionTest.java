package io.tribu.publishing.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.action.ActionRequests.WAIT;
import static io.tribu.publishing.action.ActionRequests.completed;
import static io.tribu.publishing.action.ActionRequests.completedOnSchedule;
import static io.tribu.publishing.action.ActionRequests.request;
import static io.tribu.publishing.action.ActionRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requested actions from the real topic to the fake networks and back as completed events. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ActionTest {

    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
    }

    static String brandWithMastodon(String tenant) {
        String brand = Drafts.freshBrand();
        given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                        "credentials", Map.of("accessToken", FakeMastodon.TOKEN)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201);
        return brand;
    }

    static String remoteComment() {
        String url = "https://piaille.fr/@julien/" + (113512345678900000L + (long) (Math.random() * 1_000_000));
        MASTODON.remoteStatus(url, "1105" + (long) (Math.random() * 1_000_000), "julien@piaille.fr");
        return url;
    }

    @Test
    void aReplyIsPostedOnceInTheThreadAndReportedDoneEvenWhenTheRequestComesTwice() throws Exception {
        String brand = brandWithMastodon("soleil");
        ObjectNode request = request("soleil", brand, "reply", remoteComment());
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            send(request);
            JsonNode done = completed(events, request);
            assertEquals("done", done.get("outcome").asText());
            assertEquals("reply", done.get("action").asText());
            assertEquals(1, done.get("attempts").asInt());
            assertTrue(done.get("resultUrl").asText().endsWith(done.get("resultExternalId").asText()));
            assertTrue(done.hasNonNull("channelId"));

            String actionId = request.get("data").get("actionId").asText();
            assertEquals(List.of(), ActionRequests.outcomesOfSendingAgain(events, request, clock),
                    "the same action id is carried out once");
            assertEquals(1, MASTODON.callsFor(actionId));
            assertEquals(1, MASTODON.createdFor(actionId));
        }
    }

    @Test
    void aRateLimitedActionIsRetriedAfterTheNetworksDelay() throws Exception {
        String brand = brandWithMastodon("soleil");
        ObjectNode request = request("soleil", brand, "hide", remoteComment());
        MASTODON.script("/api/v2/search", 429, Map.of("Retry-After", "1"), "{\"error\":\"Too many requests\"}");
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            send(request);
            JsonNode done = completed(events, request);
            assertEquals("done", done.get("outcome").asText());
            assertEquals(2, done.get("attempts").asInt());
        }
    }

    @Test
    void refusalsAndMissingChannelsComeBackFailedWithTheReason() throws Exception {
        String brand = brandWithMastodon("soleil");
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode othersDelete = request("soleil", brand, "delete", remoteComment());
            send(othersDelete);
            JsonNode refused = completed(events, othersDelete);
            assertEquals("failed", refused.get("outcome").asText());
            assertTrue(refused.get("reason").asText().contains("only its own statuses"), refused.toString());

            ObjectNode onBluesky = request("soleil", brand, "hide", "https://bsky.app/profile/julien.bsky.social/post/3ljulien0001");
            ((ObjectNode) onBluesky.get("data")).put("network", "bluesky");
            send(onBluesky);
            JsonNode noChannel = completed(events, onBluesky);
            assertEquals("failed", noChannel.get("outcome").asText());
            assertEquals("the brand has no bluesky channel connected", noChannel.get("reason").asText());
            assertTrue(noChannel.get("channelId").isNull());
        }
    }

    @Test
    void anotherTenantsRequestNeverUsesThisTenantsChannel() throws Exception {
        String brand = brandWithMastodon("soleil");
        String url = remoteComment();
        ObjectNode foreign = request("nord", brand, "reply", url);
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            send(foreign);
            JsonNode failed = completed(events, foreign);
            assertEquals("failed", failed.get("outcome").asText());
            assertEquals("the brand has no mastodon channel connected", failed.get("reason").asText());
            assertEquals(0, MASTODON.callsFor(foreign.get("data").get("actionId").asText()));
        }
    }

    @Test
    void anActionLeftMidCallByACrashedWorkerIsReconciledWithoutASecondReply() throws Exception {
        String brand = brandWithMastodon("soleil");
        ObjectNode request = request("soleil", brand, "reply", remoteComment());
        String actionId = request.get("data").get("actionId").asText();
        // A worker claimed the action, made the call, then died before recording the outcome.
        try (Connection db = database()) {
            insertInFlight(db, request);
        }
        var http = java.net.http.HttpClient.newHttpClient();
        String search = MASTODON.baseUrl() + "/api/v2/search?q=" + java.net.URLEncoder.encode(
                request.get("data").get("targetUrl").asText(), java.nio.charset.StandardCharsets.UTF_8);
        String statusId = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(search))
                        .header("Authorization", "Bearer " + FakeMastodon.TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("statuses").path(0).path("id").asText();
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(MASTODON.baseUrl() + "/api/v1/statuses"))
                .header("Authorization", "Bearer " + FakeMastodon.TOKEN).header("Idempotency-Key", actionId)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "status", "@julien@piaille.fr first attempt", "in_reply_to_id", statusId, "visibility", "public"))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            try (Connection db = database(); PreparedStatement expire = db.prepareStatement(
                    "update moderation_action set lease_until = ? where action_id = ?")) {
                expire.setObject(1, clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC));
                expire.setObject(2, UUID.fromString(actionId));
                expire.executeUpdate();
            }
            JsonNode done = completed(events, request);
            assertEquals("done", done.get("outcome").asText());
            assertEquals(2, done.get("attempts").asInt());
            assertEquals(2, MASTODON.callsFor(actionId), "the reconciling call carried the same key");
            assertEquals(1, MASTODON.createdFor(actionId), "and found the first reply instead of writing a second");
            assertEquals(1, MASTODON.repliesTo(statusId).size());
        }
    }

    @Test
    void aPrivateReplyOnBlueskyIsAChatMessageToTheAuthor() throws Exception {
        String brand = Drafts.freshBrand();
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "bluesky", "handle", FakeBluesky.IDENTIFIER, "baseUrl", BLUESKY.baseUrl(),
                        "credentials", Map.of("identifier", FakeBluesky.IDENTIFIER, "appPassword", FakeBluesky.APP_PASSWORD)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201);
        String author = "did:plc:lea" + UUID.randomUUID().toString().substring(0, 8);
        String uri = BLUESKY.othersPost(author, "lea.bsky.social", "3llea0000aaa1", "Commande perdue", null, null);
        ObjectNode request = request("soleil", brand, "reply", "https://bsky.app/profile/lea.bsky.social/post/3llea0000aaa1");
        ((ObjectNode) request.get("data")).put("network", "bluesky").put("visibility", "private").put("targetExternalId", uri);
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            send(request);
            // Waited for on the worker's schedule alone: the test that proves the scheduled tick carries actions out.
            JsonNode done = completedOnSchedule(events, request);
            assertEquals("done", done.get("outcome").asText());
            assertEquals(1, BLUESKY.messagesWith(author).size());
            assertEquals(request.get("data").get("replyText").asText(), BLUESKY.messagesWith(author).get(0).get("text"));
            assertEquals(done.get("resultExternalId").asText(), BLUESKY.messagesWith(author).get(0).get("id"));
        }
    }

    @Test
    void anUnreadableRequestGoesToTheDeadLetterTopic() throws Exception {
        ObjectNode request = request("soleil", Drafts.freshBrand(), "ban", "https://piaille.fr/@julien/1");
        try (TopicReader dlq = new TopicReader("tribu.publishing.actions.dlq")) {
            send(request);
            String actionId = request.get("data").get("actionId").asText();
            assertTrue(dlq.await(record -> record.value().contains(actionId), WAIT).isPresent());
        }
        try (Connection db = database(); PreparedStatement count = db.prepareStatement(
                "select count(*) from moderation_action where action_id = ?")) {
            count.setObject(1, UUID.fromString(request.get("data").get("actionId").asText()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
    }

    /** Claimed at the service's now, its lease running for another hour. */
    private void insertInFlight(Connection db, ObjectNode request) throws Exception {
        JsonNode data = request.get("data");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (PreparedStatement insert = db.prepareStatement("""
                insert into moderation_action (action_id, event_id, tenant, brand_id, item_id, action, network, target_url,
                       target_author, reply_text, visibility, requested_by, requested_at, state, attempts, next_attempt_at,
                       lease_owner, lease_until)
                values (?, ?, 'soleil', ?, ?, 'reply', 'mastodon', ?, ?, ?, 'public', 'camille', ?, 'sent-intent', 1, ?,
                        'crashed-worker', ?)""")) {
            insert.setObject(1, UUID.fromString(data.get("actionId").asText()));
            insert.setObject(2, UUID.fromString(request.get("id").asText()));
            insert.setString(3, data.get("brandId").asText());
            insert.setObject(4, UUID.fromString(data.get("itemId").asText()));
            insert.setString(5, data.get("targetUrl").asText());
            insert.setString(6, data.get("targetAuthor").asText());
            insert.setString(7, data.get("replyText").asText());
            insert.setObject(8, now);
            insert.setObject(9, now);
            insert.setObject(10, now.plusHours(1));
            insert.executeUpdate();
        }
    }

    static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
