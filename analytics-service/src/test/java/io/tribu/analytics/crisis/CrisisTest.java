package io.tribu.analytics.crisis;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CrisisTest {

    @Test
    void aSpikeAgainstTheSameHourOfPreviousWeeksIsReported() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Instant spike = Instant.parse("2026-11-18T21:00:00Z");
        for (int week = 4; week >= 1; week--) {
            for (int i = 0; i < 2; i++) {
                TestEvents.send("tribu.listening.mentions", brand, mention(brand, spike.minus(Duration.ofDays(7L * week))));
            }
        }
        for (int i = 0; i < 30; i++) {
            TestEvents.send("tribu.listening.mentions", brand, mention(brand, spike.plusSeconds(60L * i)));
        }
        for (int i = 0; i < 3; i++) {
            TestEvents.send("tribu.listening.mentions", brand, mention(brand, spike.plus(Duration.ofHours(1))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2026-10-01T00:00:00Z").queryParam("to", "2026-11-30T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume").then().extract().jsonPath().getInt("total") == 41);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-18T00:00:00Z").queryParam("to", "2026-11-19T00:00:00Z")
                .when().get("/brands/" + brand + "/crisis")
                .then().statusCode(200)
                .body("episodes.size()", equalTo(1))
                .body("episodes[0].start", equalTo("2026-11-18T21:00:00Z"))
                .body("episodes[0].end", equalTo("2026-11-18T22:00:00Z"))
                .body("episodes[0].peakMentions", equalTo(30))
                .body("episodes[0].expectedAtPeak", equalTo(2.0f));
        // Another agency with the same brand id sees no crisis: it has no mentions.
        given().auth().oauth2(TestTokens.token("nord", "analyst", brand))
                .queryParam("from", "2026-11-18T00:00:00Z").queryParam("to", "2026-11-19T00:00:00Z")
                .when().get("/brands/" + brand + "/crisis")
                .then().statusCode(200).body("episodes.size()", equalTo(0));
    }

    @Test
    void badParametersAnswer400AndAccessIsChecked() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("sensitivity", "0")
                .when().get("/brands/cafe-lumiere/crisis")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("sensitivity"));
        given().auth().oauth2(analyst).queryParam("minimumMentions", "lots")
                .when().get("/brands/cafe-lumiere/crisis")
                .then().statusCode(400).body("violations.field", hasItem("minimumMentions"));
        given().when().get("/brands/cafe-lumiere/crisis").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/crisis").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "analyst", "biscuits-nord"))
                .when().get("/brands/cafe-lumiere/crisis").then().statusCode(404);
    }

    static String mention(String brand, Instant publishedAt) {
        return io.tribu.analytics.mention.MentionEvents.mention(UUID.randomUUID(), "soleil", brand, publishedAt.toString());
    }
}
