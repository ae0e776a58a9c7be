package io.tribu.analytics.csv;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** Every measure answers CSV on Accept: text/csv and on ?format=csv, JSON otherwise. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CsvExportTest {

    static final String BRAND = "brand-csv-" + UUID.randomUUID().toString().substring(0, 8);

    static void seed() {
        String analyst = TestTokens.token("soleil", "analyst", BRAND);
        TestEvents.send("tribu.listening.mentions", BRAND, MentionEvents.scored(UUID.randomUUID(), "soleil", BRAND,
                "2026-11-20T10:00:00Z", "negative", "Jo", 5L, "=cmd|' /C calc'!A0, très déçu",
                new MentionEvents.Query(UUID.randomUUID(), "Café", null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + BRAND + "/mention-volume").then().extract().jsonPath().getLong("total") == 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /mention-volume                      | start,mentions
            /mention-volume/breakdown?by=source  | source,mentions,reach
            /sentiment?granularity=day&tz=UTC    | start,mentions,reach,positive,neutral,negative,unscored,net
            /sentiment/breakdown?by=query        | query,name,mentions,reach,positive,neutral,negative,unscored,net
            /share-of-voice                      | party,name,mentions,share,positive,positiveShare,negative,negativeShare
            /sentiment/drivers                   | side,term,z,negativeMentions,positiveMentions,example1,example2,example3
            /authors                             | list,rank,author,mentions,positive,negative,reach
            /crisis                              | kind,start,end,peak,mentions,observedAtPeak,usualAtPeak,topMention
            /moderation/response-times           | answered,medianSeconds,p90Seconds,averageSeconds,slaSeconds,withinSlaShare
            /moderation/decisions                | key,value
            """)
    void everyMeasureAnswersCsv(String path, String header) {
        String analyst = TestTokens.token("soleil", "analyst", BRAND);
        String separator = path.contains("?") ? "&" : "?";
        String url = "/brands/" + BRAND + path + separator + "from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        given().auth().oauth2(analyst).accept("text/csv")
                .when().get(url)
                .then().statusCode(200).contentType(startsWith("text/csv")).body(startsWith(header + "\r\n"));
        given().auth().oauth2(analyst)
                .when().get(url + "&format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).body(startsWith(header + "\r\n"));
        given().auth().oauth2(analyst)
                .when().get(url)
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void csvCarriesTheDataAndForeignBrandsStill404() {
        seed();
        String analyst = TestTokens.token("soleil", "analyst", BRAND);
        given().auth().oauth2(analyst).accept("text/csv")
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .queryParam("granularity", "day").queryParam("tz", "UTC")
                .when().get("/brands/" + BRAND + "/sentiment")
                .then().statusCode(200).body(containsString("2026-11-20T00:00:00Z,1,5,0,0,1,0,-1.0\r\n"));
        given().auth().oauth2(TestTokens.token("nord", "analyst", "other")).accept("text/csv")
                .when().get("/brands/" + BRAND + "/sentiment")
                .then().statusCode(404);
        given().auth().oauth2(analyst).queryParam("format", "csv").queryParam("granularity", "minute")
                .when().get("/brands/" + BRAND + "/sentiment")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
