package io.tribu.analytics.sentiment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import io.tribu.analytics.mention.MentionEvents.Query;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SentimentTest {

    static final String TOPIC = "tribu.listening.mentions";

    static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long total(String token, String brand) {
        return given().auth().oauth2(token)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    /**
     * Five mentions around 20-22 November, one replayed, one late (3 November), one from an older
     * producer without sentiment nor queries.
     */
    static String seededBrand(String tenant) {
        String brand = freshBrand();
        String analyst = TestTokens.token(tenant, "analyst", brand);
        Query own = new Query(UUID.randomUUID(), "Café Lumière", null);
        Query rival = new Query(UUID.randomUUID(), "Concurrents", "Grain d'Or");
        String replayed = MentionEvents.scored(UUID.randomUUID(), tenant, brand, "2026-11-20T10:15:00Z", "positive",
                "Marie", 1000L, "Un café délicieux", own);
        TestEvents.send(TOPIC, brand, replayed);
        // 23:30 UTC on the 20th is already the 21st in Paris.
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), tenant, brand, "2026-11-20T23:30:00Z", "negative",
                "Paul", 50L, "Livraison en retard", own));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), tenant, brand, "2026-11-21T08:00:00Z", "neutral",
                "Léa", 10L, "Café Lumière ou Grain d'Or ?", own, rival));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), tenant, brand, "2026-11-21T09:00:00Z", null,
                null, null, "older event"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), tenant, brand, "2026-11-22T09:00:00Z", "negative",
                "Jo", 5L, "Grain d'Or déçoit", rival));
        TestEvents.send(TOPIC, brand, replayed);
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), tenant, brand, "2026-11-03T12:20:00Z", "positive",
                "Marie", 1000L, "Toujours aussi bon", own));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 6);
        return brand;
    }

    @Test
    void sentimentPerDayFollowsTheBrandsTimeZone() {
        String brand = seededBrand("soleil");
        String analyst = TestTokens.token("soleil", "analyst", brand);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-19T23:00:00Z").queryParam("to", "2026-11-22T23:00:00Z")
                .queryParam("granularity", "day").queryParam("tz", "Europe/Paris")
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(200)
                .body("granularity", equalTo("day")).body("timeZone", equalTo("Europe/Paris"))
                .body("buckets.start", contains("2026-11-20T00:00:00+01:00", "2026-11-21T00:00:00+01:00",
                        "2026-11-22T00:00:00+01:00"))
                .body("buckets.counts.mentions", contains(1, 3, 1))
                .body("buckets[0].counts.positive", equalTo(1)).body("buckets[0].counts.reach", equalTo(1000))
                .body("buckets[1].counts.negative", equalTo(1)).body("buckets[1].counts.neutral", equalTo(1))
                .body("buckets[1].counts.unscored", equalTo(1)).body("buckets[1].counts.net", equalTo(-0.5f))
                .body("buckets[2].counts.net", equalTo(-1.0f))
                .body("total.mentions", equalTo(5)).body("total.net", equalTo(-0.25f));

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .queryParam("granularity", "day").queryParam("tz", "UTC")
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(200)
                .body("buckets.start", contains("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z"))
                .body("buckets.counts.mentions", contains(2, 2, 1));

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-16T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .queryParam("granularity", "week").queryParam("tz", "UTC")
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(200)
                .body("buckets.start", contains("2026-11-16T00:00:00Z"))
                .body("buckets[0].counts.mentions", equalTo(5));
    }

    @Test
    void aLateEventLandsInTheHourItWasPublishedAndAReplayChangesNothing() {
        String brand = seededBrand("soleil");
        String analyst = TestTokens.token("soleil", "analyst", brand);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-03T00:00:00Z").queryParam("to", "2026-11-04T00:00:00Z")
                .queryParam("granularity", "hour").queryParam("tz", "UTC")
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(200)
                .body("buckets.size()", equalTo(24))
                .body("buckets[12].start", equalTo("2026-11-03T12:00:00Z"))
                .body("buckets[12].counts.positive", equalTo(1))
                .body("buckets[11].counts.mentions", equalTo(0))
                .body("buckets[11].counts.net", nullValue());
        // The replayed positive mention of the 20th counts once.
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .queryParam("tz", "UTC")
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(200).body("total.positive", equalTo(1));
    }

    @Test
    void sentimentSplitsByQuerySourceAndLanguage() {
        String brand = seededBrand("soleil");
        String analyst = TestTokens.token("soleil", "analyst", brand);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("by", "query")
                .when().get("/brands/" + brand + "/sentiment/breakdown")
                .then().statusCode(200)
                .body("by", equalTo("query"))
                .body("slices.name", contains("Café Lumière", "Concurrents"))
                .body("slices[0].counts.mentions", equalTo(4)).body("slices[0].counts.positive", equalTo(2))
                .body("slices[0].counts.net", equalTo(0.25f))
                .body("slices[1].counts.mentions", equalTo(2)).body("slices[1].counts.negative", equalTo(1));
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("by", "language")
                .when().get("/brands/" + brand + "/sentiment/breakdown")
                .then().statusCode(200)
                .body("slices.value", contains("fr"))
                .body("slices[0].counts.mentions", equalTo(6)).body("slices[0].counts.unscored", equalTo(1));
    }

    @Test
    void anotherTenantSeesNothingAndForeignBrandsAnswer404() {
        String brand = seededBrand("nord");
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(200).body("total.mentions", equalTo(0));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .queryParam("by", "query")
                .when().get("/brands/" + brand + "/sentiment/breakdown")
                .then().statusCode(200).body("slices.size()", equalTo(0));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .when().get("/brands/" + brand + "/sentiment")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/brands/" + brand + "/sentiment").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("nord", "client-approver", brand))
                .when().get("/brands/" + brand + "/sentiment").then().statusCode(403);
    }

    @Test
    void badGranularityZoneOrDimensionAnswer400NamingTheParameter() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("granularity", "minute")
                .when().get("/brands/cafe-lumiere/sentiment")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("granularity"));
        given().auth().oauth2(analyst).queryParam("tz", "Mars/Olympus")
                .when().get("/brands/cafe-lumiere/sentiment")
                .then().statusCode(400).body("violations.field", hasItem("tz"));
        given().auth().oauth2(analyst).queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/sentiment")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(analyst).queryParam("by", "mood")
                .when().get("/brands/cafe-lumiere/sentiment/breakdown")
                .then().statusCode(400).body("violations.field", hasItem("by"));
    }
}
