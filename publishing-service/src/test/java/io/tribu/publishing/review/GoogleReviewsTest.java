package io.tribu.publishing.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.network.fake.FakeGoogleBusiness;
import io.tribu.publishing.poll.PollRows;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.review.GoogleBusinessFakes.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 28: the reviews of the brands' Google Business Profile locations, polled and announced once each (and per update). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class GoogleReviewsTest {

    /** The service's clock: the fixtures' times follow it, not the test machine's. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    static GoogleBusinessFakes fakes;
    static final PollRows ROWS = new PollRows("review_poll", "tribu.publishing.reviews", "review-collected.v1",
            () -> Arc.container().instance(ReviewPoller.class).get().tick());

    @BeforeAll
    static void start() {
        fakes = new GoogleBusinessFakes();
    }

    @AfterAll
    static void stop() {
        fakes.close();
    }

    static JsonNode of(List<JsonNode> events, FakeGoogleBusiness.Review review) {
        return events.stream().filter(e -> e.get("data").get("reviewId").asText().equals(review.reviewId())).findFirst().orElseThrow();
    }

    @Test
    void reviewsAreAnnouncedOnceWithTheirStarsAndAgainWhenTheCustomerChangesThem() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        Instant now = clock.instant();
        FakeGoogleBusiness.Review angry = fakes.google.review(location, "Marie D.", 1, "Café froid, 20 minutes d'attente", now.minusSeconds(3600));
        FakeGoogleBusiness.Review starsOnly = fakes.google.review(location, "Paul", 5, null, now.minusSeconds(1800));
        FakeGoogleBusiness.Review anonymous = fakes.google.review(location, null, 3, "Correct", now.minusSeconds(600));
        try (TopicReader reader = new TopicReader("tribu.publishing.reviews")) {
            String channelId = connect("soleil", brand, location, FakeGoogleBusiness.TOKEN);
            List<JsonNode> events = ROWS.events(reader, brand, 3);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(3, events.size());
            assertTrue(events.stream().allMatch(e -> e.get("data").get("change").asText().equals("new")));
            JsonNode first = of(events, angry).get("data");
            assertEquals("soleil", of(events, angry).get("tenant").asText());
            assertEquals(channelId, first.get("channelId").asText());
            assertEquals(location, first.get("locationId").asText());
            assertEquals(angry.name(), first.get("reviewName").asText());
            assertEquals(1, first.get("rating").asInt());
            assertEquals("Marie D.", first.get("author").get("name").asText());
            assertEquals("Café froid, 20 minutes d'attente", first.get("text").asText());
            assertTrue(first.get("reply").isNull());
            assertEquals(5, of(events, starsOnly).get("data").get("rating").asInt());
            assertEquals("", of(events, starsOnly).get("data").get("text").asText(), "stars without a comment");
            assertTrue(of(events, anonymous).get("data").get("author").get("anonymous").asBoolean());
            assertTrue(of(events, anonymous).get("data").get("author").get("name").isNull());

            // The customer comes back and changes the stars and the text: one update, nothing else.
            fakes.google.update(angry, 4, "Café froid mais l'équipe s'est excusée", now.minusSeconds(60));
            ROWS.due(channelId);
            List<JsonNode> next = ROWS.events(reader, brand, 1);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(1, next.size());
            assertEquals("updated", next.get(0).get("data").get("change").asText());
            assertEquals(4, next.get(0).get("data").get("rating").asInt());
            assertEquals("Café froid mais l'équipe s'est excusée", next.get(0).get("data").get("text").asText());
        }
    }

    @Test
    void aSweepStoppedMidwayGoesOnFromTheFirstPageNotStoredWithoutGapOrDuplicate() throws Exception {
        String location = fakes.google.location();
        Instant now = clock.instant();
        ROWS.resumesAtThePageNotStored(new PollRows.Listed() {
            public Set<String> add(int count) {
                return java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> fakes.google.review(location, "client " + i, 1 + i, "avis " + i, now.minusSeconds(100L * (i + 1))).reviewId())
                        .collect(Collectors.toSet());
            }

            public String connect(String brand) {
                return GoogleBusinessFakes.connect("soleil", brand, location, FakeGoogleBusiness.TOKEN);
            }

            public void failPage(int offset) {
                fakes.google.failPage(FakeGoogleBusiness.pageToken(offset));
            }

            public String pageToken(int offset) {
                return FakeGoogleBusiness.pageToken(offset);
            }

            public List<String> pageTokens() {
                return fakes.google.pageTokens(location);
            }

            public String id(JsonNode event) {
                return event.get("data").get("reviewId").asText();
            }
        }, clock);
    }

    @Test
    void aReplicaKilledMidSweepLeavesItsLeaseAndTheNextTakerGoesOnFromTheCursor() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        Instant now = clock.instant();
        for (int i = 0; i < 4; i++) {
            fakes.google.review(location, "client " + i, 2, "avis " + i, now.minusSeconds(100L * (i + 1)));
        }
        try (TopicReader reader = new TopicReader("tribu.publishing.reviews")) {
            String channelId = connect("soleil", brand, location, FakeGoogleBusiness.TOKEN);
            assertEquals(4, ROWS.events(reader, brand, 4).size());
            ROWS.nothingMore(reader, brand, clock);
            // A replica took the next sweep, stored its first page's cursor, and died holding the lease.
            fakes.google.review(location, "tardif", 1, "Toujours froid", now.minusSeconds(10));
            PollRows.sql("update review_poll set lease_owner = 'reviews-dead0000', lease_until = now() + interval '2 seconds', "
                    + "page_token = '" + FakeGoogleBusiness.pageToken(2) + "', sweep_started_at = now(), next_poll_at = now() "
                    + "where channel_id = ?", channelId);
            ROWS.await(channelId, row -> row.get("page_token") == null && row.get("lease_owner") == null);
            // The page the dead replica had not stored holds nothing new: nothing announced again.
            ROWS.nothingMore(reader, brand, clock);
            assertEquals(List.of("-", FakeGoogleBusiness.pageToken(2), FakeGoogleBusiness.pageToken(2), FakeGoogleBusiness.pageToken(4)),
                    fakes.google.pageTokens(location), "taken over at the cursor once the lease ran out, never from the start");
            ROWS.due(channelId);
            List<JsonNode> late = ROWS.events(reader, brand, 1);
            ROWS.nothingMore(reader, brand, clock);
            assertEquals("Toujours froid", late.get(0).get("data").get("text").asText());
        }
    }

    @Test
    void throttlingWaitsForRetryAfterAndAnUnknownLocationIsRecorded() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        fakes.google.review(location, "Léa", 5, "Parfait", clock.instant().minusSeconds(5));
        fakes.google.throttle();
        try (TopicReader reader = new TopicReader("tribu.publishing.reviews")) {
            String channelId = connect("soleil", brand, location, FakeGoogleBusiness.TOKEN);
            Map<String, Object> poll = ROWS.await(channelId, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("429 RESOURCE_EXHAUSTED"), String.valueOf(poll.get("last_error")));
            Instant next = ((OffsetDateTime) poll.get("next_poll_at")).toInstant();
            assertTrue(next.isAfter(clock.instant().plusSeconds(100)) && next.isBefore(clock.instant().plusSeconds(121)),
                    "Retry-After 120 s: " + next);
            ROWS.nothingMore(reader, brand, clock);
            ROWS.due(channelId);
            assertEquals(1, ROWS.events(reader, brand, 1).size());

            String gone = "accounts/999/locations/404";
            String goneChannel = connect("soleil", brand, gone, FakeGoogleBusiness.TOKEN);
            Map<String, Object> missing = ROWS.await(goneChannel, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(missing.get("last_error")).startsWith("404 NOT_FOUND"), String.valueOf(missing.get("last_error")));
        }
    }

    @Test
    void anExpiredTokenIsRenewedAndARevokedOneIsRecordedAsTheLastError() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        fakes.google.review(location, "Inès", 4, "Bon accueil", clock.instant().minusSeconds(5));
        try (TopicReader reader = new TopicReader("tribu.publishing.reviews")) {
            String channelId = connect("soleil", brand, location, "ya29.expired-before-the-first-call");
            assertEquals(1, ROWS.events(reader, brand, 1).size(), "401, refreshed, read again");
            assertTrue(fakes.oauth.refreshed());

            fakes.google.expireRefreshedTokens();
            fakes.oauth.revokeRefreshToken();
            fakes.google.review(location, "Hugo", 2, "Bof", clock.instant().minusSeconds(1));
            ROWS.due(channelId);
            Map<String, Object> poll = ROWS.await(channelId, row -> row.get("last_error") != null);
            assertTrue(String.valueOf(poll.get("last_error")).startsWith("token refused by Google and not renewed: 401 UNAUTHENTICATED"),
                    String.valueOf(poll.get("last_error")));
            ROWS.nothingMore(reader, brand, clock);
        }
    }

    @Test
    void twoAgenciesWithTheSameLocationEachGetTheirOwnEventsOnly() throws Exception {
        String soleil = Drafts.freshBrand();
        String lune = Drafts.freshBrand();
        String location = fakes.google.location();
        fakes.google.review(location, "Un", 3, "Un", clock.instant().minusSeconds(20));
        fakes.google.review(location, "Deux", 4, "Deux", clock.instant().minusSeconds(10));
        try (TopicReader reader = new TopicReader("tribu.publishing.reviews")) {
            // Waited for on the poller's schedule alone: the test that proves the scheduled tick sweeps.
            PollRows onSchedule = ROWS.onSchedule();
            String soleilChannel = connect("soleil", soleil, location, FakeGoogleBusiness.TOKEN);
            String luneChannel = connect("lune", lune, location, FakeGoogleBusiness.TOKEN);
            List<JsonNode> ofSoleil = onSchedule.events(reader, soleil, 2);
            List<JsonNode> ofLune = onSchedule.events(reader, lune, 2);
            onSchedule.nothingMore(reader, soleil, clock);
            onSchedule.nothingMore(reader, lune, clock);
            assertTrue(ofSoleil.stream().allMatch(e -> e.get("tenant").asText().equals("soleil")
                    && e.get("data").get("channelId").asText().equals(soleilChannel)));
            assertTrue(ofLune.stream().allMatch(e -> e.get("tenant").asText().equals("lune")
                    && e.get("data").get("channelId").asText().equals(luneChannel)));
            // Another agency's location is not this agency's channel.
            given().auth().oauth2(TestTokens.token("lune", "community-manager", lune))
                    .when().get("/brands/" + lune + "/channels/" + soleilChannel).then().statusCode(404);
        }
    }
}
