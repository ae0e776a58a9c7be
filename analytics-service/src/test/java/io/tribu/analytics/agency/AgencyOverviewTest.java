package io.tribu.analytics.agency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AgencyOverviewTest {

    static final String MENTIONS = "tribu.listening.mentions";

    @Inject
    Clock clock;

    @Test
    void everyBrandOfTheTokenWithItsMentionsAndTheSpikeOfTheCurrentHourFirst() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String loud = "loud-" + suffix;
        String calm = "calm-" + suffix;
        String silent = "silent-" + suffix;
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        for (int week = 3; week >= 1; week--) {
            for (int i = 0; i < 2; i++) {
                TestEvents.send(MENTIONS, loud, mention(loud, hour.minus(Duration.ofDays(7L * week))));
            }
        }
        for (int i = 0; i < 30; i++) {
            TestEvents.send(MENTIONS, loud, mention(loud, hour));
        }
        for (int i = 0; i < 3; i++) {
            TestEvents.send(MENTIONS, calm, mention(calm, hour.minus(Duration.ofHours(2))));
        }
        for (int i = 0; i < 5; i++) {
            TestEvents.send(MENTIONS, calm, mention(calm, hour.minus(Duration.ofHours(30))));
        }
        String admin = TestTokens.token("soleil", "admin", calm, silent, loud);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                .when().get("/agency/overview").then().statusCode(200).extract().jsonPath()
                .getLong("brands.find { it.brandId == '" + loud + "' }.mentions") == 30
                && given().auth().oauth2(admin).when().get("/agency/overview").then().extract().jsonPath()
                .getLong("brands.find { it.brandId == '" + calm + "' }.previousMentions") == 5);

        given().auth().oauth2(admin).when().get("/agency/overview").then().statusCode(200)
                .body("tenant", equalTo("soleil"))
                .body("brands.size()", equalTo(3))
                .body("brands[0].brandId", equalTo(loud))
                .body("brands[0].alarm", equalTo(true))
                .body("brands[0].anomalies.kind", hasItem("volume"))
                .body("brands[0].anomalies.find { it.kind == 'volume' }.start", equalTo(hour.toString()))
                .body("brands[0].anomalies.find { it.kind == 'volume' }.ongoing", equalTo(true))
                .body("brands[1].brandId", equalTo(calm))
                .body("brands[1].mentions", equalTo(3))
                .body("brands[1].previousMentions", equalTo(5))
                .body("brands[1].alarm", equalTo(false))
                .body("brands[2].brandId", equalTo(silent))
                .body("brands[2].mentions", equalTo(0))
                .body("brands[2].negativeShare", equalTo(null));
        // A window of 1 hour: only the spike's hour; the calm brand's mentions were 2 hours ago.
        given().auth().oauth2(admin).queryParam("hours", "1").when().get("/agency/overview").then().statusCode(200)
                .body("brands.find { it.brandId == '" + calm + "' }.mentions", equalTo(0))
                .body("brands.find { it.brandId == '" + loud + "' }.mentions", equalTo(30));
        given().auth().oauth2(admin).queryParam("format", "csv").when().get("/agency/overview").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString(loud + "," + loud + ",30,0,"))
                .body(containsString(calm + "," + calm + ",3,5,"));
        // Another agency with brands of the same ids sees none of these mentions.
        given().auth().oauth2(TestTokens.token("nord", "admin", loud, calm)).when().get("/agency/overview").then()
                .statusCode(200)
                .body("brands.mentions", equalTo(java.util.List.of(0, 0)))
                .body("brands.alarm", equalTo(java.util.List.of(false, false)));
    }

    @Test
    void badParametersAnswer400AndAccessIsChecked() {
        String admin = TestTokens.token("soleil", "admin", "cafe-lumiere");
        given().auth().oauth2(admin).queryParam("hours", "0").when().get("/agency/overview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("hours"));
        given().auth().oauth2(admin).queryParam("hours", "169").when().get("/agency/overview")
                .then().statusCode(400).body("violations.field", hasItem("hours"));
        given().when().get("/agency/overview").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/agency/overview").then().statusCode(403);
    }

    private static String mention(String brand, Instant publishedAt) {
        return MentionEvents.mention(UUID.randomUUID(), "soleil", brand, publishedAt.toString());
    }
}
