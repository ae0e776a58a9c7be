package io.tribu.analytics.report;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.analytics.engagement.PublishingEvents;
import io.tribu.analytics.engagement.PublishingEvents.Variant;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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
        TestEvents.send("tribu.listening.mentions", brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T10:00:00Z", "negative", "<script>alert(1)</script>", 10L, "Livraison <b>en retard</b>",
                // About the brand and a competitor: the author is a detractor of the brand, Grain d'Or a party.
                new MentionEvents.Query(UUID.randomUUID(), "Marque", null),
                new MentionEvents.Query(UUID.randomUUID(), "Rivaux", "Grain d'Or")));
        TestEvents.send("tribu.listening.mentions", brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-21T10:00:00Z", "positive", "Marie", 1000L, "Café délicieux"));
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
                        not(containsString("<script>")), containsString("Ambassadeurs"),
                        // One negative and one positive mention: too few for drivers, and the report says so.
                        containsString("Trop peu de mentions pour en tirer des termes sûrs (négatives : 1, positives : 1 dans")));
        given().auth().oauth2(analyst).header("Accept-Language", "en-GB,en;q=0.8")
                .queryParam("from", "2026-11-19T23:00:00Z").queryParam("to", "2026-11-22T23:00:00Z")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200).body(allOf(containsString("Brand report"), containsString("Share of voice")));
        given().auth().oauth2(analyst).header("Accept-Language", "fr-FR")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200).body(containsString("Rapport de marque"));
    }

    @Test
    void anEngagementSectionWithTotalsTopPostsAndChannels() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID facebook = UUID.randomUUID();
        UUID mastodon = UUID.randomUUID();
        Variant video = Variant.of("soleil", brand, facebook, "video", Instant.parse("2026-11-20T17:00:00Z"));
        Variant image = Variant.of("soleil", brand, mastodon, "image", Instant.parse("2026-11-21T08:00:00Z"));
        Variant elsewhen = Variant.of("soleil", brand, mastodon, "text", Instant.parse("2026-10-01T08:00:00Z"));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(video,
                Instant.parse("2026-11-21T00:00:00Z"), 100, 20, 30, 3000L));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(image,
                Instant.parse("2026-11-22T00:00:00Z"), 40, 5, 15, null));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand, PublishingEvents.collected(elsewhen,
                Instant.parse("2026-10-02T00:00:00Z"), 999, 0, 0, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2026-10-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/engagement").then().extract().jsonPath().getInt("total.posts") == 3);

        // Only the two posts published in the period; the rate is over the posts that tell impressions.
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-19T23:00:00Z").queryParam("to", "2026-11-22T23:00:00Z").queryParam("lang", "fr")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200)
                .body(allOf(containsString("Engagement des publications"), containsString("Publications<b>2</b>"),
                        containsString("J&#39;aime<b>140</b>"), containsString("Commentaires<b>25</b>"),
                        containsString("Partages<b>45</b>"), containsString("Impressions<b>3000</b>"),
                        containsString("Taux d&#39;engagement<b>5.00 %</b>"),
                        containsString("Publications les plus engageantes"),
                        containsString("<td>2026-11-20T18:00:00</td><td>mastodon</td><td>video</td><td>100</td>"),
                        containsString("<a href=\"https://mastodon.social/@cafelumiere/113650471869034521\">"),
                        containsString("Par canal"), containsString("<td>" + facebook + "</td><td>1</td><td>150</td>"),
                        containsString("<td>" + mastodon + "</td><td>1</td><td>60</td>")));
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-19T23:00:00Z").queryParam("to", "2026-11-22T23:00:00Z").queryParam("lang", "en")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200)
                .body(allOf(containsString("Post engagement"), containsString("Most engaging posts"),
                        containsString("By channel"), containsString("Engagement rate<b>5.00 %</b>")));
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-09-01T00:00:00Z").queryParam("to", "2026-09-30T00:00:00Z").queryParam("lang", "en")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200).body(containsString("No post measured in the period"));
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
