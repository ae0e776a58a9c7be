package io.tribu.publishing.queue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.freshBrand;
import static io.tribu.publishing.post.Drafts.variant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeAnalytics.class)
class QueueTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final List<Map<String, String>> TWICE_A_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY").stream().flatMap(day -> List.of(Map.of("day", day, "time", "18:00"),
            Map.of("day", day, "time", "09:00")).stream()).toList();

    record Team(String brand, String cm, String approver, String channel) {
        static Team fresh() {
            String brand = freshBrand();
            String cm = TestTokens.token("soleil", "community-manager", brand);
            String channel = given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example",
                            "baseUrl", "http://127.0.0.1:9", "credentials", Map.of("accessToken", "t")))
                    .when().post("/brands/" + brand + "/channels").then().statusCode(201).extract().path("id");
            return new Team(brand, cm, TestTokens.token("soleil", "client-approver", brand), channel);
        }

        ValidatableResponse putQueue(Object slots) {
            return given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("slots", slots))
                    .when().put("/brands/" + brand + "/channels/" + channel + "/queue").then();
        }

        String approvedPost() {
            String post = given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(draft(null, variant("mastodon", "Un café offert")))
                    .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");
            move(cm, post, Map.of("action", "submit")).statusCode(200);
            move(approver, post, Map.of("action", "approve")).statusCode(200);
            return post;
        }

        ValidatableResponse move(String token, String post, Map<String, Object> body) {
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/brands/" + brand + "/posts/" + post + "/transitions").then();
        }

        ValidatableResponse schedule(String post, String slot) {
            return move(cm, post, Map.of("action", "schedule", "slot", slot));
        }
    }

    @Inject
    Clock clock;

    /** The first {@code count} instants of 09:00 and 18:00 Paris time after the service's now, computed independently. */
    List<String> nextTwiceADay(int count) {
        Instant now = clock.instant();
        List<String> found = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(now, PARIS); found.size() < count; day = day.plusDays(1)) {
            for (LocalTime time : List.of(LocalTime.of(9, 0), LocalTime.of(18, 0))) {
                Instant at = ZonedDateTime.of(day, time, PARIS).toInstant();
                if (at.isAfter(now) && found.size() < count) {
                    found.add(at.toString());
                }
            }
        }
        return found;
    }

    @AfterEach
    void analyticsBackUp() {
        FakeAnalytics.propose(List.of());
    }

    @Test
    void theWeeklyQueueIsStoredSortedWithItsNextFreeSlot() {
        Team team = Team.fresh();
        team.putQueue(List.of(Map.of("day", "FRIDAY", "time", "12:30"), Map.of("day", "MONDAY", "time", "09:00"),
                        Map.of("day", "MONDAY", "time", "09:00")))
                .statusCode(200)
                .body("timezone", equalTo("Europe/Paris"))
                .body("slots.day", equalTo(List.of("MONDAY", "FRIDAY")))
                .body("slots.time", equalTo(List.of("09:00", "12:30")));
        given().auth().oauth2(team.cm).when().get("/brands/" + team.brand + "/channels/" + team.channel + "/queue")
                .then().statusCode(200).body("slots.day", equalTo(List.of("MONDAY", "FRIDAY")));
        team.putQueue(TWICE_A_DAY).statusCode(200).body("nextFreeSlot", equalTo(nextTwiceADay(1).get(0)));
        team.putQueue(List.of(Map.of("day", "LUNDI", "time", "25:00")))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("slots[0].day"))
                .body("violations.field", hasItem("slots[0].time"));
    }

    /** Issue 18, finding 7: an empty list answered 500 "The Uni set is empty"; it clears the queue. */
    @Test
    void anEmptyListClearsTheQueue() {
        Team team = Team.fresh();
        team.putQueue(List.of()).statusCode(200).body("slots", equalTo(List.of())).body("nextFreeSlot", nullValue());
        team.putQueue(TWICE_A_DAY).statusCode(200);
        team.putQueue(List.of()).statusCode(200).body("slots", equalTo(List.of())).body("nextFreeSlot", nullValue());
        given().auth().oauth2(team.cm).when().get("/brands/" + team.brand + "/channels/" + team.channel + "/queue")
                .then().statusCode(200).body("slots", equalTo(List.of()));
        String post = team.approvedPost();
        team.schedule(post, "next").statusCode(409).body("detail", containsString("no queue slots"));
    }

    @Test
    void nextPutsEachPostIntoTheNextFreeSlotOfItsChannel() {
        Team team = Team.fresh();
        team.putQueue(TWICE_A_DAY).statusCode(200);
        List<String> expected = nextTwiceADay(2);
        String first = team.approvedPost();
        String second = team.approvedPost();
        team.schedule(first, "next").statusCode(200).body("status", equalTo("scheduled"))
                .body("plannedAt", equalTo(expected.get(0)));
        team.schedule(second, "next").statusCode(200).body("plannedAt", equalTo(expected.get(1)));
        given().auth().oauth2(team.cm).when().get("/brands/" + team.brand + "/channels/" + team.channel + "/queue")
                .then().statusCode(200).body("nextFreeSlot", equalTo(nextTwiceADay(3).get(2)));
        // Unscheduling frees the slot for the next post.
        team.move(team.cm, first, Map.of("action", "unschedule")).statusCode(200);
        team.schedule(team.approvedPost(), "next").statusCode(200).body("plannedAt", equalTo(expected.get(0)));
    }

    @Test
    void concurrentRequestsNeverShareASlot() throws Exception {
        Team team = Team.fresh();
        team.putQueue(TWICE_A_DAY).statusCode(200);
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(team.approvedPost());
        }
        List<String> expected = nextTwiceADay(6);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String post : posts) {
                Callable<String> call = () -> team.schedule(post, "next").statusCode(200).extract().path("plannedAt");
                answers.add(pool.submit(call));
            }
            List<String> planned = new ArrayList<>();
            for (Future<String> answer : answers) {
                planned.add(answer.get());
            }
            assertEquals(expected, planned.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bestTakesTheFirstFreeSlotAnalyticsProposesForwardingTheCallersToken() {
        Team team = Team.fresh();
        team.putQueue(TWICE_A_DAY).statusCode(200);
        Instant taken = Instant.parse(nextTwiceADay(1).get(0));
        Instant evening = ZonedDateTime.of(LocalDate.ofInstant(clock.instant(), PARIS).plusDays(2), LocalTime.of(19, 15), PARIS)
                .toInstant();
        team.schedule(team.approvedPost(), "next").statusCode(200).body("plannedAt", equalTo(taken.toString()));

        FakeAnalytics.propose(List.of(clock.instant().minus(Duration.ofHours(1)), taken, evening));
        Instant asking = clock.instant();
        team.schedule(team.approvedPost(), "best").statusCode(200).body("plannedAt", equalTo(evening.toString()));

        FakeAnalytics.Request asked = FakeAnalytics.lastRequest();
        assertEquals("/brands/" + team.brand + "/best-slots", asked.path());
        assertEquals("Bearer " + team.cm, asked.authorization());
        assertEquals(team.channel, asked.query().get("channelId"));
        assertEquals("3", asked.query().get("count"));
        assertEquals("Europe/Paris", asked.query().get("tz"));
        Instant from = Instant.parse(asked.query().get("from"));
        assertTrue(!from.isBefore(asking) && !from.isAfter(clock.instant()), "asked from the service's now: " + from);
        assertEquals(from.plus(QueueService.BEST_WINDOW), Instant.parse(asked.query().get("to")));
    }

    @Test
    void analyticsDownOrSlowFallsBackToTheNextQueueSlot() {
        Team team = Team.fresh();
        team.putQueue(TWICE_A_DAY).statusCode(200);
        List<String> expected = nextTwiceADay(2);
        FakeAnalytics.mode(FakeAnalytics.Mode.DOWN);
        team.schedule(team.approvedPost(), "best").statusCode(200).body("plannedAt", equalTo(expected.get(0)));
        FakeAnalytics.mode(FakeAnalytics.Mode.SLOW);
        long started = System.nanoTime();
        team.schedule(team.approvedPost(), "best").statusCode(200).body("plannedAt", equalTo(expected.get(1)));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 5500, "the timeout cut the wait to analytics, took " + tookMs + " ms");
    }

    @Test
    void refusedSlotRequests() {
        Team team = Team.fresh();
        String post = team.approvedPost();
        team.schedule(post, "next").statusCode(409).contentType("application/problem+json");   // no queue yet
        team.move(team.cm, post, Map.of("action", "submit", "slot", "next")).statusCode(400)
                .body("violations.field", hasItem("slot"));
        team.schedule(post, "soon").statusCode(400).body("violations.field", hasItem("slot"));
        team.move(team.approver, post, Map.of("action", "schedule", "slot", "next")).statusCode(403);
        Map<String, Object> unknownChannel = new HashMap<>(Map.of("action", "schedule", "slot", "next"));
        unknownChannel.put("channelId", "00000000-0000-0000-0000-000000000001");
        team.move(team.cm, post, unknownChannel).statusCode(400).body("violations.field", hasItem("channelId"));
    }

    @Test
    void anotherTenantCannotReadChangeOrUseTheQueue() {
        Team team = Team.fresh();
        team.putQueue(TWICE_A_DAY).statusCode(200);
        String intruder = TestTokens.token("lune", "admin", team.brand);
        String path = "/brands/" + team.brand + "/channels/" + team.channel + "/queue";
        given().auth().oauth2(intruder).when().get(path).then().statusCode(404);
        given().auth().oauth2(intruder).contentType(ContentType.JSON).body(Map.of("slots", List.of()))
                .when().put(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand")).when().get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", team.brand)).when().get(path).then().statusCode(403);
        given().when().get(path).then().statusCode(401);
        // The other agency's post cannot be put into this queue, and this brand's post is not theirs.
        String post = team.approvedPost();
        given().auth().oauth2(intruder).contentType(ContentType.JSON)
                .body(Map.of("action", "schedule", "slot", "next"))
                .when().post("/brands/" + team.brand + "/posts/" + post + "/transitions").then().statusCode(404);
        given().auth().oauth2(team.cm).when().get(path).then().statusCode(200)
                .body("slots.size()", equalTo(14));
    }
}
