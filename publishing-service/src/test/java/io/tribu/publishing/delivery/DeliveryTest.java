package io.tribu.publishing.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.tribu.publishing.outbox.EventSchemas;
import io.tribu.publishing.outbox.TickNow;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.post.Drafts;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeliveryTest {

    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DeliveryWorker worker;
    @Inject
    DeliveryRepository leases;
    @Inject
    DeliveryCall network;
    @Inject
    Completions completions;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    DeliveryLoops loops;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
    }

    /** A brand whose posts are planned by {@code clock}, the service's. */
    record Brand(String id, String cm, String approver, Clock clock) {
        static Brand fresh(Clock clock) {
            String brand = Drafts.freshBrand();
            return new Brand(brand, TestTokens.token("soleil", "community-manager", brand),
                    TestTokens.token("soleil", "client-approver", brand), clock);
        }

        /** A fresh brand with a channel on the fake Mastodon. */
        static Brand onMastodon(Clock clock) {
            Brand brand = fresh(clock);
            brand.connectMastodon(FakeMastodon.TOKEN);
            return brand;
        }

        void connect(Map<String, Object> channel) {
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(channel)
                    .when().post("/brands/" + id + "/channels").then().statusCode(201);
        }

        void connectMastodon(String token) {
            connect(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                    "credentials", Map.of("accessToken", token)));
        }

        /** A post through the workflow to scheduled, due in {@code in}. */
        String scheduled(Duration in, Map<String, String> texts) {
            String plannedAt = clock.instant().plus(in).truncatedTo(ChronoUnit.MILLIS).toString();
            List<Map<String, String>> variants = new ArrayList<>();
            texts.forEach((network, text) -> variants.add(Map.of("network", network, "text", text)));
            String post = given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Map.of("title", "Réveillon", "plannedAt", plannedAt, "tags", List.of("noel"), "variants", variants))
                    .when().post("/brands/" + id + "/posts").then().statusCode(201).extract().path("id");
            move(cm, post, "submit");
            move(approver, post, "approve");
            move(cm, post, "schedule");
            return post;
        }

        void move(String token, String post, String action) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", action))
                    .when().post("/brands/" + id + "/posts/" + post + "/transitions").then().statusCode(200);
        }

        /**
         * A post through the workflow to scheduled, its deliveries then made due now, as if its planned instant had
         * come: scheduling needs a plannedAt in the future, and waiting for one is only what
         * aPostIsLeasedAheadThenCalledAtItsInstantNotBefore is about. The worker's tick runs now ({@link TickNow}),
         * not at the scheduler's next look; later attempts (retries) and the tests that move deliveries themselves
         * wait for the scheduled ticks.
         */
        String due(Map<String, String> texts) throws Exception {
            String post = scheduled(Duration.ofHours(1), texts);
            Instant now = clock.instant();
            sql("update delivery set due_at = ?, next_attempt_at = ? where post_id = ?", post, now, now);
            TickNow.run(() -> Arc.container().instance(DeliveryWorker.class).get().tick());
            return post;
        }

        String status(String post) {
            return given().auth().oauth2(cm).when().get("/brands/" + id + "/posts/" + post)
                    .then().statusCode(200).extract().path("status");
        }
    }

    @Test
    void aDuePostIsPublishedOnceOnEachChannelWithAnEvent() throws Exception {
        Brand brand = Brand.onMastodon(clock);
        brand.connect(Map.of("network", "bluesky", "handle", FakeBluesky.IDENTIFIER, "baseUrl", BLUESKY.baseUrl(),
                "credentials", Map.of("identifier", FakeBluesky.IDENTIFIER, "appPassword", FakeBluesky.APP_PASSWORD)));
        try (TopicReader events = new TopicReader("tribu.publishing.posts")) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("mastodon", "Ce soir, chocolat chaud offert ☕ #noel");
            texts.put("bluesky", "Ce soir, chocolat chaud offert ☕🎄");
            String post = brand.due(texts);
            await().atMost(WAIT).until(() -> brand.status(post).equals("published"));

            List<Map<String, Object>> deliveries = deliveries(post);
            assertEquals(2, deliveries.size());
            for (Map<String, Object> delivery : deliveries) {
                assertEquals("published", delivery.get("state"));
                assertEquals(1, delivery.get("attempts"));
            }
            String mastodonDelivery = deliveries.stream().filter(d -> d.get("network").equals("mastodon"))
                    .findFirst().orElseThrow().get("id").toString();
            assertEquals(1, MASTODON.callsFor(mastodonDelivery));
            assertEquals(1, MASTODON.createdFor(mastodonDelivery));

            for (String network : List.of("mastodon", "bluesky")) {
                JsonNode event = JSON.readTree(events.await(record -> record.value().contains(post)
                        && record.value().contains("post.published.v1") && record.value().contains("\"" + network + "\""),
                        WAIT).orElseThrow().value());
                assertEquals(java.util.Set.of(), EventSchemas.violations("post-published.v1", event));
                assertEquals(brand.id(), event.get("subject").asText());
            }

            // The post's readers see each variant's outcome with its link; another agency sees no such post.
            List<Map<String, Object>> shown = given().auth().oauth2(brand.approver())
                    .when().get("/brands/" + brand.id() + "/posts/" + post + "/deliveries")
                    .then().statusCode(200).body("postId", equalTo(post)).extract().path("deliveries");
            assertEquals(List.of("bluesky", "mastodon"), shown.stream().map(d -> d.get("network")).toList());
            for (Map<String, Object> delivery : shown) {
                Map<String, Object> row = deliveries.stream().filter(d -> d.get("network").equals(delivery.get("network")))
                        .findFirst().orElseThrow();
                assertEquals("published", delivery.get("status"));
                assertEquals(row.get("external_id"), delivery.get("externalId"));
                assertTrue(delivery.get("url").toString().startsWith("http"), delivery.toString());
                assertEquals(row.get("published_at"), Instant.parse(delivery.get("publishedAt").toString()));
                assertEquals(delivery.get("publishedAt"), delivery.get("outcomeAt"));
            }
            given().auth().oauth2(TestTokens.token("nord", "admin", brand.id()))
                    .when().get("/brands/" + brand.id() + "/posts/" + post + "/deliveries")
                    .then().statusCode(404).contentType("application/problem+json");
            given().when().get("/brands/" + brand.id() + "/posts/" + post + "/deliveries").then().statusCode(401);
        }
    }

    @Test
    void rateLimitedAndFailingNetworksAreRetriedHonouringRetryAfter() throws Exception {
        Brand brand = Brand.onMastodon(clock);
        MASTODON.script("/api/v1/statuses", 429, Map.of("Retry-After", "2"), "{\"error\":\"Too many requests\"}");
        MASTODON.script("/api/v1/statuses", 503, Map.of(), "");
        String post = brand.due(Map.of("mastodon", "Retry me"));
        await().atMost(WAIT).until(() -> brand.status(post).equals("published"));
        Map<String, Object> delivery = deliveries(post).get(0);
        assertEquals(3, delivery.get("attempts"));
        Instant due = (Instant) delivery.get("due_at");
        Instant published = (Instant) delivery.get("published_at");
        assertTrue(Duration.between(due, published).toMillis() >= 2000, "waited for Retry-After: " + due + " -> " + published);
        assertEquals(1, MASTODON.createdFor(delivery.get("id").toString()));
    }

    @Test
    void aRefusedTokenFailsTheDeliveryWithTheNetworksReason() throws Exception {
        Brand brand = Brand.fresh(clock);
        brand.connectMastodon("revoked-token");
        try (TopicReader events = new TopicReader("tribu.publishing.posts")) {
            String post = brand.due(Map.of("mastodon", "Never seen"));
            await().atMost(WAIT).until(() -> brand.status(post).equals("failed"));
            Map<String, Object> delivery = deliveries(post).get(0);
            assertEquals("failed", delivery.get("state"));
            assertEquals(1, delivery.get("attempts"), "a refused token is not retried");
            assertTrue(delivery.get("last_error").toString().contains("The access token is invalid"));
            JsonNode event = JSON.readTree(events.await(record -> record.value().contains(post)
                    && record.value().contains("post.failed.v1"), WAIT).orElseThrow().value());
            assertEquals(java.util.Set.of(), EventSchemas.violations("post-failed.v1", event));
            assertTrue(event.get("data").get("reason").asText().contains("reconnect the channel"));
            given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/posts/" + post + "/deliveries")
                    .then().statusCode(200)
                    .body("deliveries[0].status", equalTo("failed"))
                    .body("deliveries[0].lastError", containsString("The access token is invalid"))
                    .body("deliveries[0].url", org.hamcrest.Matchers.nullValue())
                    .body("deliveries[0].outcomeAt", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void anIntentLeftByACrashedReplicaIsReconciledNotPostedAgain() throws Exception {
        Brand brand = Brand.onMastodon(clock);
        String post = brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "Crash test"));
        String delivery = deliveryOf(post);
        // A replica claimed it, called Mastodon (which created the status) and died before recording it.
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(MASTODON.baseUrl() + "/api/v1/statuses"))
                .header("Authorization", "Bearer " + FakeMastodon.TOKEN).header("Idempotency-Key", delivery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Crash test\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode());
        // ... when the delivery was due (now).
        sql("update delivery set state = 'sent-intent', attempts = 1, lease_owner = 'replica-killed', "
                + "lease_until = ?, next_attempt_at = ? where id = ?", delivery, clock.instant().minusSeconds(1), clock.instant());
        sql("update post set status = 'publishing' where id = ?", post);

        await().atMost(WAIT).until(() -> brand.status(post).equals("published"));
        Map<String, Object> row = deliveries(post).get(0);
        assertEquals(2, row.get("attempts"));
        assertEquals(JSON.readTree(created.body()).get("id").asText(), row.get("external_id"),
                "the status the crashed replica created");
        assertEquals(1, MASTODON.createdFor(delivery));
    }

    @Test
    void aPostIsLeasedAheadThenCalledAtItsInstantNotBefore() throws Exception {
        MASTODON.stampWith(clock);
        Brand brand = Brand.onMastodon(clock);
        // 6 s ahead: the workflow's four calls take well under 3 s on the loaded machine, then the 3 s lookahead.
        String post = brand.scheduled(Duration.ofSeconds(6), Map.of("mastodon", "Pile à l'heure"));
        Instant due = (Instant) deliveries(post).get(0).get("due_at");
        String delivery = deliveryOf(post);

        // Within the lookahead (3 s in tests) the lease is taken, the network not yet called.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries(post).get(0).get("state").equals("leased"));
        assertTrue(clock.instant().isBefore(due), "leased before its instant");
        assertEquals(0, MASTODON.callsFor(delivery));

        await().atMost(WAIT).until(() -> brand.status(post).equals("published"));
        Instant calledAt = MASTODON.firstSeenAt().get(delivery);
        assertTrue(!calledAt.isBefore(due), "called " + Duration.between(calledAt, due) + " before its instant");
        Instant published = (Instant) deliveries(post).get(0).get("published_at");
        // Fired by a timer at the instant: no tick to wait for, no database work left but the intent.
        assertTrue(Duration.between(due, published).compareTo(Duration.ofSeconds(2)) < 0, "late by " + Duration.between(due, published));
        assertEquals(1, deliveries(post).get(0).get("attempts"));
    }

    @Test
    void aLeaseIsTakenOverOnlyOnceItExpiredAndWithoutIntentIsCalledPlainly() throws Exception {
        Brand brand = Brand.onMastodon(clock);
        String post = brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "Repris par un autre"));
        String delivery = deliveryOf(post);
        // Another replica leased it ahead; it is due now.
        sql("update delivery set state = 'leased', lease_owner = 'replica-other', lease_until = ?, next_attempt_at = ? "
                + "where id = ?", delivery, clock.instant().plus(Duration.ofHours(1)), clock.instant());
        sql("update post set status = 'publishing' where id = ?", post);
        worker.tick().await().atMost(WAIT);
        assertEquals("leased", deliveries(post).get(0).get("state"), "a lease still running is left to its holder");
        assertEquals(0, MASTODON.callsFor(delivery));

        // The holder was killed before the instant: its lease runs out unrenewed.
        sql("update delivery set lease_until = ? where id = ?", delivery, clock.instant().minusSeconds(1));
        await().atMost(WAIT).until(() -> brand.status(post).equals("published"));
        Map<String, Object> row = deliveries(post).get(0);
        assertEquals(1, row.get("attempts"), "the killed holder had not called: a first attempt, not a reconciliation");
        assertEquals(1, MASTODON.callsFor(delivery));
    }

    @Test
    void competingWorkersCallTheNetworkOncePerDelivery() throws Exception {
        Brand brand = Brand.onMastodon(clock);
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posts.add(brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "Post " + i)));
        }
        // All due at once; two more replicas (other lease owners, small batches) race this one.
        for (String post : posts) {
            sql("update delivery set next_attempt_at = ? where post_id = ?", post, clock.instant());
        }
        DeliveryWorker b = replica("worker-b", 5, Duration.ofSeconds(3));
        DeliveryWorker c = replica("worker-c", 5, Duration.ofSeconds(3));
        Uni.combine().all().unis(b.tick(), c.tick(), worker.tick()).asTuple().await().atMost(WAIT);
        await().atMost(WAIT).until(() -> posts.stream().allMatch(post -> brand.status(post).equals("published")));
        for (String post : posts) {
            String delivery = deliveryOf(post);
            assertEquals(1, MASTODON.callsFor(delivery), "network called once for " + delivery);
        }
    }

    /** Another replica in this JVM: the same beans, its own lease owner and timetable. */
    DeliveryWorker replica(String owner, int batchSize, Duration lookahead) {
        return new DeliveryWorker(leases, network, completions, metrics, loops, vertx, clock, Optional.of(owner), batchSize, 4, lookahead);
    }

    @Test
    void aReplicaStoppingGivesBackWhatItLeasedAheadForOthersToTakeAtOnce() throws Exception {
        Brand brand = Brand.onMastodon(clock);
        String post = brand.scheduled(Duration.ofMinutes(30), Map.of("mastodon", "Rendu avant l'heure"));
        String delivery = deliveryOf(post);
        DeliveryWorker stopping = replica("worker-stopping", 1000, Duration.ofHours(1));
        stopping.leaseAhead().await().atMost(WAIT);
        assertEquals("leased", deliveries(post).get(0).get("state"));
        assertEquals("worker-stopping", deliveries(post).get(0).get("lease_owner"));

        assertTrue(stopping.release().await().atMost(WAIT) >= 1);
        Map<String, Object> row = deliveries(post).get(0);
        assertEquals("pending", row.get("state"));
        assertEquals(null, row.get("lease_owner"), "no lease left to expire");
        assertEquals(0, MASTODON.callsFor(delivery));
    }

    @Test
    void schedulingNeedsAChannelForEveryNetwork() {
        Brand brand = Brand.fresh(clock);
        String post = given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                .body(Map.of("title", "Sans canal", "plannedAt", clock.instant().plus(1, ChronoUnit.DAYS).toString(),
                        "variants", List.of(Map.of("network", "bluesky", "text", "Bonjour"))))
                .when().post("/brands/" + brand.id() + "/posts").then().statusCode(201).extract().path("id");
        brand.move(brand.cm(), post, "submit");
        brand.move(brand.approver(), post, "approve");
        given().auth().oauth2(brand.cm()).contentType(ContentType.JSON).body(Map.of("action", "schedule"))
                .when().post("/brands/" + brand.id() + "/posts/" + post + "/transitions")
                .then().statusCode(409).body("detail", containsString("no channel for bluesky"));
    }

    /** The id of the post's only delivery. */
    static String deliveryOf(String post) throws Exception {
        return deliveries(post).get(0).get("id").toString();
    }

    static List<Map<String, Object>> deliveries(String post) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select id, network, state, lease_owner, attempts, due_at, published_at, external_id, last_error from delivery "
                        + "where post_id = ? order by network")) {
            query.setObject(1, UUID.fromString(post));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> delivery = new LinkedHashMap<>();
                    delivery.put("id", row.getObject("id"));
                    delivery.put("network", row.getString("network"));
                    delivery.put("state", row.getString("state"));
                    delivery.put("lease_owner", row.getString("lease_owner"));
                    delivery.put("attempts", row.getInt("attempts"));
                    delivery.put("due_at", row.getTimestamp("due_at").toInstant());
                    delivery.put("published_at", row.getTimestamp("published_at") == null ? null : row.getTimestamp("published_at").toInstant());
                    delivery.put("external_id", row.getString("external_id"));
                    delivery.put("last_error", row.getString("last_error"));
                    rows.add(delivery);
                }
            }
            return rows;
        }
    }

    /** Runs {@code update} with its parameters in order: the instants {@code at}, then the row's id. */
    static void sql(String update, String id, Instant... at) throws Exception {
        try (Connection db = database(); PreparedStatement statement = db.prepareStatement(update)) {
            for (int i = 0; i < at.length; i++) {
                statement.setObject(i + 1, at[i].atOffset(ZoneOffset.UTC));
            }
            statement.setObject(at.length + 1, UUID.fromString(id));
            statement.executeUpdate();
        }
    }

    static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
