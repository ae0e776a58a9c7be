package io.tribu.analytics.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tribu.platform.testing.TestEvents;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 28: the average stars of each of the brand's locations over time, from publishing's review events. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewRatingsTest {

    static final String TOPIC = ReviewEvents.TOPIC;
    static final String PARIS = "accounts/108214523309174/locations/1111";
    static final String LYON = "accounts/108214523309174/locations/2222";

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonPath ratings(String token, String brand) {
        return given().auth().oauth2(token).queryParam("from", "2026-11-02T00:00:00+01:00").queryParam("to", "2026-11-16T00:00:00+01:00")
                .queryParam("granularity", "week").queryParam("tz", "Europe/Paris")
                .when().get("/brands/" + brand + "/reviews/ratings").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachLocationsAverageStarsPerWeekAndToDateWithTheCustomersUpdates() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID paris = UUID.randomUUID();
        UUID lyon = UUID.randomUUID();
        // Before the period: a 5 for Paris. Week of 2 Nov: 1 and 2 (changed to 4 later, delivered twice). Week of 9 Nov: 3.
        TestEvents.send(TOPIC, brand, ReviewEvents.review("soleil", brand, paris, PARIS, "P0", 5, "2026-10-20T10:00:00Z", "2026-10-20T10:00:00Z"));
        TestEvents.send(TOPIC, brand, ReviewEvents.review("soleil", brand, paris, PARIS, "P1", 1, "2026-11-03T10:00:00Z", "2026-11-03T10:00:00Z"));
        String update = ReviewEvents.review("soleil", brand, paris, PARIS, "P2", 4, "2026-11-04T10:00:00Z", "2026-11-06T10:00:00Z");
        TestEvents.send(TOPIC, brand, update);
        // The first version arrives after its update: the later update stands.
        TestEvents.send(TOPIC, brand, ReviewEvents.review("soleil", brand, paris, PARIS, "P2", 2, "2026-11-04T10:00:00Z", "2026-11-04T10:00:00Z"));
        TestEvents.send(TOPIC, brand, update);
        TestEvents.send(TOPIC, brand, ReviewEvents.review("soleil", brand, paris, PARIS, "P3", 3, "2026-11-10T10:00:00Z", "2026-11-10T10:00:00Z"));
        TestEvents.send(TOPIC, brand, ReviewEvents.review("soleil", brand, paris, PARIS, "P4", null, "2026-11-10T11:00:00Z", "2026-11-10T11:00:00Z"));
        TestEvents.send(TOPIC, brand, ReviewEvents.review("soleil", brand, lyon, LYON, "L1", 5, "2026-11-12T10:00:00Z", "2026-11-12T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ratings(analyst, brand).getList("locations").size() == 2
                && ratings(analyst, brand).getLong("locations[0].reviewsToDate") == 4);
        JsonPath answer = ratings(analyst, brand);
        assertEquals(List.of(PARIS, LYON), answer.getList("locations.locationId"));
        assertEquals(3, answer.getLong("locations[0].reviews"), "three reviews with stars in the period");
        assertEquals(2.67, answer.getDouble("locations[0].averageRating"), 0.001, "(1 + 4 + 3) / 3");
        assertEquals(3.25, answer.getDouble("locations[0].averageRatingToDate"), 0.001, "(5 + 1 + 4 + 3) / 4");
        assertEquals(List.of("2026-11-02T00:00:00+01:00", "2026-11-09T00:00:00+01:00"), answer.getList("locations[0].buckets.start"));
        assertEquals(2.5, answer.getDouble("locations[0].buckets[0].averageRating"), 0.001);
        assertEquals(3.33, answer.getDouble("locations[0].buckets[0].averageRatingToDate"), 0.001, "(5 + 1 + 4) / 3");
        assertEquals(1, answer.getLong("locations[1].reviews"));
        assertEquals(0, answer.getLong("locations[1].buckets[0].reviews"));
        assertNull(answer.get("locations[1].buckets[0].averageRating"));

        // Another agency, same brand id: nothing of soleil's.
        String nord = TestTokens.token("nord", "analyst", brand);
        given().auth().oauth2(nord).when().get("/brands/" + brand + "/reviews/ratings").then().statusCode(200)
                .body("locations.size()", equalTo(0));
        // A brand not in the token: 404; bad input: a problem naming the parameter.
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "another-brand")).when().get("/brands/" + brand + "/reviews/ratings")
                .then().statusCode(404);
        given().auth().oauth2(analyst).queryParam("granularity", "month").when().get("/brands/" + brand + "/reviews/ratings")
                .then().statusCode(400).body("violations[0].field", equalTo("granularity"));
        given().auth().oauth2(analyst).queryParam("from", "hier").when().get("/brands/" + brand + "/reviews/ratings")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().when().get("/brands/" + brand + "/reviews/ratings").then().statusCode(401);
    }

    @Test
    void aReviewWithSixStarsIsADeadLetter() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String event = ReviewEvents.review("soleil", brand, UUID.randomUUID(), PARIS, "X6", 6, "2026-11-03T10:00:00Z", "2026-11-03T10:00:00Z");
        TestEvents.send(TOPIC, brand, event);
        String id = JSON.readTree(event).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestEvents.read("tribu.analytics.reviews.dlq", brand, 1).stream()
                .anyMatch(record -> record.value().contains(id)));
        assertEquals(0, ratings(TestTokens.token("soleil", "analyst", brand), brand).getList("locations").size());
    }
}
