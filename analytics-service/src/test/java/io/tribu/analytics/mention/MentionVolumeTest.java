package io.tribu.analytics.mention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionVolumeTest {

    static final String TOPIC = "tribu.listening.mentions";

    @Inject
    Clock clock;

    /** Brand ids unique to each test, so tests stay independent on a shared broker. */
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

    @Test
    void aRedeliveredEventIsCountedOnce() {
        String brand = freshBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        UUID duplicated = UUID.randomUUID();
        String event = MentionEvents.mention(duplicated, "soleil", brand, "2026-11-20T10:15:00Z");

        TestEvents.send(TOPIC, brand, event);
        TestEvents.send(TOPIC, brand, event);
        // Same key, same partition: once this later event is counted, both copies above were handled.
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-20T11:40:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) >= 2);
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("hours.size()", equalTo(2))
                .body("hours[0].start", equalTo("2026-11-20T10:00:00Z"))
                .body("hours[0].mentions", equalTo(1))
                .body("hours[1].start", equalTo("2026-11-20T11:00:00Z"));
    }

    @Test
    void lateEventsLandInTheHourTheyWerePublished() {
        String brand = freshBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-02T03:59:59Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 1);
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().body("hours[0].start", equalTo("2026-11-02T03:00:00Z"));
    }

    @Test
    void anotherTenantNeverSeesTheCount() {
        String brand = freshBrand();
        String nord = TestTokens.token("nord", "analyst", brand);
        String soleilWithSameBrandId = TestTokens.token("soleil", "analyst", brand);
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "nord", brand, "2026-11-20T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(nord, brand) == 1);
        org.junit.jupiter.api.Assertions.assertEquals(0, total(soleilWithSameBrandId, brand));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockTheBrandsLaterEvents() {
        String brand = freshBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        TestEvents.send(TOPIC, brand, "this is not a cloud event");
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-20T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 1);
        List<ConsumerRecord<String, String>> dead = TestEvents.read("tribu.analytics.mentions.dlq", brand, 1);
        assertEquals(1, dead.size());
        assertEquals("this is not a cloud event", dead.get(0).value());
        assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .startsWith("unreadable event"));
        assertEquals(TOPIC, new String(dead.get(0).headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
    }

    @Test
    void volumeSplitsBySourceAndLanguageWithReach() {
        String brand = freshBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-20T10:00:00Z", "mastodon", "fr", 1200L));
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-20T11:00:00Z", "mastodon", "en", 300L));
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-21T09:00:00Z", "rss", "fr", null));
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, "2026-11-21T09:30:00Z", "rss", null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 4);

        given().auth().oauth2(analyst).queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("by", "source")
                .when().get("/brands/" + brand + "/mention-volume/breakdown")
                .then().statusCode(200)
                .body("by", equalTo("source"))
                .body("slices.value", org.hamcrest.Matchers.contains("mastodon", "rss"))
                .body("slices[0].mentions", equalTo(2)).body("slices[0].reach", equalTo(1500))
                .body("slices[1].mentions", equalTo(2)).body("slices[1].reach", equalTo(0));
        given().auth().oauth2(analyst).queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .queryParam("by", "language")
                .when().get("/brands/" + brand + "/mention-volume/breakdown")
                .then().statusCode(200)
                .body("slices.value", org.hamcrest.Matchers.contains("fr", "en", "und"))
                .body("slices[0].mentions", equalTo(2));
        given().auth().oauth2(analyst).queryParam("by", "mood")
                .when().get("/brands/" + brand + "/mention-volume/breakdown")
                .then().statusCode(400).body("violations.field", hasItem("by"));
    }

    @Test
    void withoutAPeriodTheThirtyDaysBeforeNowAreCounted() {
        String brand = freshBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Instant now = clock.instant();
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, now.minus(Duration.ofDays(31)).toString()));
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, now.minus(Duration.ofDays(29)).toString()));
        TestEvents.send(TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand, now.minus(Duration.ofHours(1)).toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", now.minus(Duration.ofDays(32)).toString()).queryParam("to", now.toString())
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200).extract().jsonPath().getLong("total") == 3);

        JsonPath answer = given().auth().oauth2(analyst)
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200).extract().jsonPath();
        Instant to = Instant.parse(answer.getString("to"));
        assertTrue(!to.isBefore(now) && !to.isAfter(clock.instant()), to.toString());
        assertEquals(to.minus(Duration.ofDays(30)), Instant.parse(answer.getString("from")));
        assertEquals(2, answer.getLong("total"));
    }

    @Test
    void withoutTokenAnswers401() {
        given().when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void clientApproverCannotReadRawVolumes() {
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aBrandOutsideTheTokenAnswers404() {
        given().auth().oauth2(TestTokens.token("nord", "analyst", "biscuits-nord"))
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnreadablePeriodAnswers400NamingTheParameter() {
        String analyst = TestTokens.token("soleil", "analyst", "cafe-lumiere");
        given().auth().oauth2(analyst).queryParam("from", "last tuesday")
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-10T00:00:00Z")
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(400)
                .body("detail", containsString("before"));
    }
}
