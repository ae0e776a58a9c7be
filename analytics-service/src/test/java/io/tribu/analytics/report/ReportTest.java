package io.tribu.analytics.report;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.analytics.access.TestTokens;
import io.tribu.analytics.kafka.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReportTest {

    @Test
    void aPrintableReportWithChartsInFrenchOrEnglish() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        try (TestEvents events = new TestEvents()) {
            events.send("tribu.listening.mentions", brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-20T10:00:00Z", "negative", "<script>alert(1)</script>", 10L, "Livraison <b>en retard</b>",
                    new MentionEvents.Query(UUID.randomUUID(), "Rivaux", "Grain d'Or")));
            events.send("tribu.listening.mentions", brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    "2026-11-21T10:00:00Z", "positive", "Marie", 1000L, "Café délicieux"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume").then().extract().jsonPath().getLong("total") == 2);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-19T23:00:00Z").queryParam("to", "2026-11-22T23:00:00Z").queryParam("lang", "fr")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(startsWith("<!DOCTYPE html>"), containsString("<html lang=\"fr\">"),
                        containsString("Rapport de marque"), containsString("Part de voix"), containsString("<svg"),
                        containsString("Grain d&#39;Or"), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>")), containsString("Ambassadeurs")));
        given().auth().oauth2(analyst).header("Accept-Language", "en-GB,en;q=0.8")
                .queryParam("from", "2026-11-19T23:00:00Z").queryParam("to", "2026-11-22T23:00:00Z")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200).body(allOf(containsString("Brand report"), containsString("Share of voice")));
        given().auth().oauth2(analyst).header("Accept-Language", "fr-FR")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200).body(containsString("Rapport de marque"));
    }

    @Test
    void accessAndBadInput() {
        given().auth().oauth2(TestTokens.token("nord", "analyst", "biscuits-nord"))
                .when().get("/brands/cafe-lumiere/report").then().statusCode(404);
        given().when().get("/brands/cafe-lumiere/report").then().statusCode(401);
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/report")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("from"));
        given().auth().oauth2(analyst).queryParam("lang", "de")
                .when().get("/brands/cafe-lumiere/report")
                .then().statusCode(400).body("violations.field", hasItem("lang"));
    }
}
