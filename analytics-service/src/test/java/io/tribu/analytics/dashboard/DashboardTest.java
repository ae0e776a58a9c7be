package io.tribu.analytics.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tribu.platform.testing.TestTokens;
import io.tribu.analytics.engagement.PublishingEvents;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import io.tribu.analytics.mention.MentionEvents.Query;
import io.tribu.analytics.moderation.DecisionEvents;
import io.tribu.analytics.review.ReviewEvents;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DashboardTest {

    static final String MENTIONS = "tribu.listening.mentions";
    static final String DECISIONS = "tribu.moderation.decisions";

    @Inject
    Clock clock;

    @Test
    void oneCallGivesEverySectionAndTheComparisonWithThePreviousPeriod() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Instant from = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20));
        Instant to = from.plus(Duration.ofDays(7));
        Query own = new Query(UUID.randomUUID(), "Marque", null);
        Query rival = new Query(UUID.randomUUID(), "Rival", "Rival");
        UUID channel = UUID.randomUUID();
        PublishingEvents.Variant post = PublishingEvents.Variant.of("soleil", brand, channel, "image",
                from.plus(Duration.ofDays(2)), "promo");
        for (int i = 0; i < 3; i++) {
            TestEvents.send(MENTIONS, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    from.plus(Duration.ofHours(10 + i)).toString(), "positive", "@fan", 500L, "cafe delicieux", own));
        }
        TestEvents.send(MENTIONS, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                from.plus(Duration.ofHours(30)).toString(), "negative", "@grumpy", 50L, "cafe froid", own));
        for (int i = 0; i < 2; i++) {
            TestEvents.send(MENTIONS, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    from.plus(Duration.ofHours(40 + i)).toString(), "neutral", "@other", 10L, "rival ouvre", rival));
            TestEvents.send(MENTIONS, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                    from.minus(Duration.ofDays(3 + i)).toString(), "positive", "@old", 10L, "avant", own));
        }
        Instant posted = from.plus(Duration.ofHours(5));
        TestEvents.send(DECISIONS, brand, DecisionEvents.decision("soleil", brand, UUID.randomUUID(), "reply",
                posted.toString(), posted.plus(Duration.ofMinutes(10)).toString()));
        TestEvents.send(PublishingEvents.POSTS_TOPIC, brand, PublishingEvents.published(post));
        String reviewed = from.plus(Duration.ofDays(1)).toString();
        TestEvents.send(ReviewEvents.TOPIC, brand, ReviewEvents.review("soleil", brand, channel,
                "accounts/1/locations/9", "R1", 4, reviewed, reviewed));
        TestEvents.send(PublishingEvents.ENGAGEMENT_TOPIC, brand,
                PublishingEvents.collected(post, from.plus(Duration.ofDays(3)), 10, 2, 1, 100L));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath body = dashboard(analyst, brand, from, to).then().statusCode(200).extract().jsonPath();
            return body.getLong("current.mentions") == 6 && body.getLong("previous.mentions") == 2
                    && body.getLong("current.decisions") == 1 && body.getLong("current.posts") == 1
                    && body.getList("reviewRatings.locations").size() == 1;
        });

        JsonPath body = dashboard(analyst, brand, from, to).then().statusCode(200)
                .body("brandId", equalTo(brand))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("granularity", equalTo("day"))
                .body("current.positive", equalTo(3))
                .body("current.negative", equalTo(1))
                .body("current.neutral", equalTo(2))
                .body("current.net", equalTo(0.3333f))
                .body("current.shareOfVoice", equalTo(0.6667f))
                .body("current.answered", equalTo(1))
                .body("current.medianResponseSeconds", equalTo(600.0f))
                .body("current.withinSlaShare", equalTo(1.0f))
                .body("current.engagement", equalTo(13))
                .body("previous.from", equalTo(from.minus(Duration.ofDays(7)).toString()))
                .body("previous.to", equalTo(from.toString()))
                .body("previous.positive", equalTo(2))
                .body("previous.decisions", equalTo(0))
                .body("sentiment.total.mentions", equalTo(6))
                .body("shareOfVoice.voices.name", hasItem("Rival"))
                .body("authors.ambassadors[0].author", equalTo("@fan"))
                .body("authors.detractors[0].author", equalTo("@grumpy"))
                .body("decisions.reply", equalTo(1))
                .body("responseTimes.answered", equalTo(1))
                .body("responseTimesByChannel.slices.channel", hasItem("instagram"))   // moderation's example's source
                .body("responseTimesByChannel.slices[0].medianSeconds", equalTo(600.0f))
                .body("reviewRatings.granularity", equalTo("day"))
                .body("reviewRatings.locations[0].reviews", equalTo(1))
                .body("reviewRatings.locations[0].averageRating", equalTo(4.0f))
                .body("engagementByChannel.slices.size()", equalTo(1))
                .body("engagementByContentType.slices[0].value", equalTo("image"))
                .body("engagementByTag.slices[0].value", equalTo("promo"))
                .body("topPosts.posts[0].likes", equalTo(10))
                .body("bestTime.cells.size()", equalTo(168))
                .body("crises.episodes.size()", equalTo(0))
                .body("drivers.insufficientData.needed", equalTo(10))
                .extract().jsonPath();

        // Every section's CSV link answers that section as CSV.
        for (String section : new String[]{"sentiment", "shareOfVoice", "authors", "responseTimesByChannel", "decisions", "topPosts", "bestTime"}) {
            String link = body.getString("csv." + section);
            assertTrue(link.startsWith("/brands/" + brand + "/") && link.contains("format=csv"), link);
            given().auth().oauth2(analyst).urlEncodingEnabled(false).when().get(link)
                    .then().statusCode(200).contentType(containsString("text/csv"));
        }
        given().auth().oauth2(analyst).urlEncodingEnabled(false).when().get(body.getString("csv.comparison"))
                .then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("mentions,6,2"))
                .body(containsString("decisions,1,0"));

        // Another agency's brand of the same id holds nothing of this one's.
        dashboard(TestTokens.token("nord", "analyst", brand), brand, from, to).then().statusCode(200)
                .body("current.mentions", equalTo(0))
                .body("previous.mentions", equalTo(0))
                .body("current.decisions", equalTo(0))
                .body("topPosts.posts.size()", equalTo(0))
                .body("responseTimesByChannel.slices.size()", equalTo(0))
                .body("reviewRatings.locations.size()", equalTo(0));
    }

    @Test
    void badParametersAnswer400AndAccessIsChecked() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("tz", "Mars/Olympus")
                .when().get("/brands/cafe-lumiere/dashboard")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("tz"));
        given().auth().oauth2(analyst).queryParam("slaMinutes", "0")
                .when().get("/brands/cafe-lumiere/dashboard")
                .then().statusCode(400).body("violations.field", hasItem("slaMinutes"));
        given().auth().oauth2(analyst).queryParam("granularity", "month")
                .when().get("/brands/cafe-lumiere/dashboard")
                .then().statusCode(400).body("violations.field", hasItem("granularity"));
        given().auth().oauth2(analyst).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/dashboard")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().when().get("/brands/cafe-lumiere/dashboard").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/dashboard").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "analyst", "biscuits-nord"))
                .when().get("/brands/cafe-lumiere/dashboard").then().statusCode(404);
    }

    private static io.restassured.response.Response dashboard(String token, String brand, Instant from, Instant to) {
        return given().auth().oauth2(token)
                .queryParam("from", from.toString()).queryParam("to", to.toString()).queryParam("tz", "Europe/Paris")
                .when().get("/brands/" + brand + "/dashboard");
    }
}
