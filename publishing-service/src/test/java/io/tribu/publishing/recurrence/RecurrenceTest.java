package io.tribu.publishing.recurrence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.tribu.publishing.post.Drafts;
import io.tribu.publishing.time.MovableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 25, part 4: a weekly series in the brand's zone, each occurrence published once, one skipped and one edited
 * alone, and after downtime only the latest missed occurrence sent. Time is the service's clock, moved by the test.
 */
@QuarkusTest
@TestProfile(MovableClock.Profile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RecurrenceTest {

    static final FakeMastodon MASTODON = new FakeMastodon(MovableClock.FAKES_HOST);
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    MovableClock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
    }

    record Brand(String id, String cm, String approver) {
        static Brand fresh() {
            String id = Drafts.freshBrand();
            return new Brand(id, TestTokens.token("soleil", "community-manager", id), TestTokens.token("soleil", "client-approver", id));
        }

        String post(boolean approve) {
            String post = given().auth().oauth2(cm).contentType(ContentType.JSON)
                    .body(Drafts.draft(null, Drafts.variant("mastodon", "Le café du mercredi ☕")))
                    .when().post("/brands/" + id + "/posts").then().statusCode(201).extract().path("id");
            if (approve) {
                move(cm, post, "submit");
                move(approver, post, "approve");
            }
            return post;
        }

        void move(String token, String post, String action) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", action))
                    .when().post("/brands/" + id + "/posts/" + post + "/transitions").then().statusCode(200);
        }

        ValidatableResponse repeat(Map<String, Object> body) {
            return given().auth().oauth2(cm).contentType(ContentType.JSON).body(body)
                    .when().post("/brands/" + id + "/recurrences").then();
        }

        ValidatableResponse occurrences(String series, String from, String to) {
            return given().auth().oauth2(cm).when()
                    .get("/brands/" + id + "/recurrences/" + series + "/occurrences?from=" + from + "&to=" + to).then().statusCode(200);
        }

        ValidatableResponse occurrence(String series, String date, String action) {
            return given().auth().oauth2(cm).when()
                    .post("/brands/" + id + "/recurrences/" + series + "/occurrences/" + date + "/" + action).then();
        }

        String state(String series, String date) {
            return occurrences(series, date, date).extract().path("[0].state");
        }
    }

    static Map<String, Object> weekly(String post) {
        Map<String, Object> body = new HashMap<>(Map.of("postId", post, "repeat", "weekly", "days", List.of("WEDNESDAY", "SUNDAY"),
                "time", "09:00", "startDate", "2027-03-22", "endDate", "2027-04-30"));
        return body;
    }

    @Test
    void eachOccurrenceIsPublishedOnceAndAfterDowntimeOnlyTheLatestMissedOneIsSent() {
        clock.set(Instant.parse("2027-03-22T12:00:00Z"));
        Brand brand = Brand.fresh();
        given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                        "credentials", Map.of("accessToken", FakeMastodon.TOKEN)))
                .when().post("/brands/" + brand.id() + "/channels").then().statusCode(201);
        String template = brand.post(true);
        String series = brand.repeat(weekly(template)).statusCode(201)
                .body("timezone", equalTo("Europe/Paris")).body("days", contains("WEDNESDAY", "SUNDAY"))
                .extract().path("id");

        // Europe/Paris: 09:00 is 08:00Z in winter time, 07:00Z once summer time began (2027-03-28).
        brand.occurrences(series, "2027-03-22", "2027-04-05")
                .body("date", contains("2027-03-24", "2027-03-28", "2027-03-31", "2027-04-04"))
                .body("dueAt", contains("2027-03-24T08:00:00Z", "2027-03-28T07:00:00Z", "2027-03-31T07:00:00Z", "2027-04-04T07:00:00Z"))
                .body("state", contains("upcoming", "upcoming", "upcoming", "upcoming"));
        brand.occurrence(series, "2027-03-31", "skip").statusCode(200).body("state", equalTo("skipped"));
        brand.occurrence(series, "2027-03-31", "skip").statusCode(409);
        brand.occurrence(series, "2027-03-25", "skip").statusCode(404);
        String detached = brand.occurrence(series, "2027-04-04", "detach").statusCode(201)
                .body("status", equalTo("draft")).body("plannedAt", equalTo("2027-04-04T07:00:00Z"))
                .body("variants[0].text", equalTo("Le café du mercredi ☕")).extract().path("id");

        // Within the lead (5 minutes) of the first occurrence: it becomes a scheduled post, then is published at its instant.
        clock.set(Instant.parse("2027-03-24T07:57:00Z"));
        await().atMost(WAIT).until(() -> "scheduled".equals(brand.state(series, "2027-03-24")));
        String first = brand.occurrences(series, "2027-03-24", "2027-03-24").extract().path("[0].postId");
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/posts/" + first).then()
                .body("plannedAt", equalTo("2027-03-24T08:00:00Z")).body("status", equalTo("scheduled"));
        brand.occurrence(series, "2027-03-24", "skip").statusCode(409).body("detail", containsString("already handled"));
        clock.set(Instant.parse("2027-03-24T08:00:01Z"));
        await().atMost(WAIT).until(() -> "published".equals(given().auth().oauth2(brand.cm())
                .when().get("/brands/" + brand.id() + "/posts/" + first).then().extract().path("status")));

        // The service "was down" from then to Wednesday 2027-04-07 09:30 Paris: 03-28 is missed, 03-31 and 04-04 were
        // taken out by hand, 04-07 is 30 minutes late (within the hour of grace) and is the only one sent.
        clock.set(Instant.parse("2027-04-07T07:30:00Z"));
        await().atMost(WAIT).until(() -> "scheduled".equals(brand.state(series, "2027-04-07")));
        brand.occurrences(series, "2027-03-22", "2027-04-08")
                .body("date", contains("2027-03-24", "2027-03-28", "2027-03-31", "2027-04-04", "2027-04-07"))
                .body("state", contains("scheduled", "missed", "skipped", "detached", "scheduled"))
                .body("[1].reason", containsString("only the latest occurrence"))
                .body("[3].postId", equalTo(detached));
        String latest = brand.occurrences(series, "2027-04-07", "2027-04-07").extract().path("[0].postId");
        await().atMost(WAIT).until(() -> "published".equals(given().auth().oauth2(brand.cm())
                .when().get("/brands/" + brand.id() + "/posts/" + latest).then().extract().path("status")));
        // Exactly these posts in the period: the first occurrence, the detached draft and the latest; no burst.
        List<String> planned = given().auth().oauth2(brand.cm())
                .when().get("/brands/" + brand.id() + "/posts?from=2027-03-20T00:00:00Z&to=2027-04-10T00:00:00Z")
                .then().statusCode(200).extract().path("posts.id");
        assertEquals(List.of(first, detached, latest), planned);
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/posts/" + latest + "/history")
                .then().body("actor", hasItem("recurrence " + series.substring(0, 8)));

        // Only the brand's agency sees the series; only writers stop it; stopped, it sends nothing more.
        given().auth().oauth2(TestTokens.token("nord", "admin", brand.id()))
                .when().get("/brands/" + brand.id() + "/recurrences/" + series).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand.id()))
                .when().delete("/brands/" + brand.id() + "/recurrences/" + series).then().statusCode(403);
        given().auth().oauth2(brand.cm()).when().delete("/brands/" + brand.id() + "/recurrences/" + series).then().statusCode(204);
        clock.set(Instant.parse("2027-04-11T06:58:00Z"));
        brand.occurrences(series, "2027-04-11", "2027-04-11").body("[0].state", equalTo("skipped"))
                .body("[0].reason", equalTo("the series was stopped"));
    }

    @Test
    void aSeriesRepeatsAnApprovedPostWithACompleteRule() {
        Brand brand = Brand.fresh();
        String draft = brand.post(false);
        brand.repeat(weekly(draft)).statusCode(409).contentType("application/problem+json");
        String post = brand.post(true);
        Map<String, Object> noDays = weekly(post);
        noDays.remove("days");
        brand.repeat(noDays).statusCode(400).body("violations.field", hasItem("days"));
        // 100,000 bad days: refused by the list's size alone, one violation (they made 100,000, 3.3 s of the event loop)
        Map<String, Object> manyDays = weekly(post);
        manyDays.put("days", Collections.nCopies(100_000, "x"));
        brand.repeat(manyDays).statusCode(400).body("violations.field", contains("days"))
                .body("violations[0].message", equalTo("size must be between 0 and 7")).body("violationsOmitted", nullValue());
        Map<String, Object> badDay = weekly(post);
        badDay.put("days", java.util.Arrays.asList("MONDAY", "FUNDAY", null));
        brand.repeat(badDay).statusCode(400).body("violations.field", containsInAnyOrder("days[1]", "days[2]"))
                .body("violations.message", containsInAnyOrder("must be a day such as MONDAY", "must not be null"));
        Map<String, Object> monthlyWithDays = weekly(post);
        monthlyWithDays.put("repeat", "monthly");
        brand.repeat(monthlyWithDays).statusCode(400).body("violations.field", hasItem("days"))
                .body("violations.field", hasItem("dayOfMonth"));
        Map<String, Object> backwards = weekly(post);
        backwards.put("endDate", "2027-03-01");
        brand.repeat(backwards).statusCode(400).body("violations.field", contains("endDate"));
        Map<String, Object> tooLong = weekly(post);
        tooLong.put("endDate", "2029-03-23");
        brand.repeat(tooLong).statusCode(400).body("violations.field", contains("endDate"));
        Map<String, Object> badTime = weekly(post);
        badTime.put("time", "25:00");
        brand.repeat(badTime).statusCode(400).body("violations.field", contains("time"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand.id())).contentType(ContentType.JSON).body(weekly(post))
                .when().post("/brands/" + brand.id() + "/recurrences").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "admin", brand.id())).contentType(ContentType.JSON).body(weekly(post))
                .when().post("/brands/" + brand.id() + "/recurrences").then().statusCode(400).body("violations.field", contains("postId"));
    }
}
