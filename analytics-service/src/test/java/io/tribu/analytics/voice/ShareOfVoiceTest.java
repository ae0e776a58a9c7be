package io.tribu.analytics.voice;

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

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ShareOfVoiceTest {

    static final String TOPIC = "tribu.listening.mentions";

    static long total(String token, String brand) {
        return given().auth().oauth2(token)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void theBrandAgainstEachCompetitorInVolumeAndSentiment() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Query own = new Query(UUID.randomUUID(), "Café Lumière", null);
        Query ownHashtag = new Query(UUID.randomUUID(), "#cafelumiere", null);
        Query grain = new Query(UUID.randomUUID(), "Concurrents", "Grain d'Or");
        Query moulin = new Query(UUID.randomUUID(), "Moulin", "Moulin Bleu");
        String replayed = MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T10:00:00Z", "positive",
                "a", 1L, "t", own, ownHashtag);
        TestEvents.send(TOPIC, brand, replayed);
        TestEvents.send(TOPIC, brand, replayed);
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T11:00:00Z", "negative",
                "b", 1L, "t", own, grain));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T12:00:00Z", "negative",
                "c", 1L, "t", grain));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T13:00:00Z", "positive",
                "d", 1L, "t", grain));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T14:00:00Z", null,
                "e", 1L, "older event without queries: about the brand"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T15:00:00Z", "neutral",
                "f", 1L, "t", moulin));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 6);

        // Brand: 3 mentions (1 positive, 1 negative); Grain d'Or: 3 (1 positive, 2 negative); Moulin Bleu: 1.
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .when().get("/brands/" + brand + "/share-of-voice")
                .then().statusCode(200)
                .body("voices.party", contains("brand", "competitor", "competitor"))
                .body("voices.name", contains(brand, "Grain d'Or", "Moulin Bleu"))
                .body("voices.mentions", contains(3, 3, 1))
                .body("voices[0].share", equalTo(0.4286f))
                .body("voices[0].positive", equalTo(1)).body("voices[0].positiveShare", equalTo(0.5f))
                .body("voices[1].negative", equalTo(2)).body("voices[1].negativeShare", equalTo(0.6667f))
                .body("voices[2].share", equalTo(0.1429f));
    }

    @Test
    void isolationAndBadInput() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String nord = TestTokens.token("nord", "analyst", brand);
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "nord", brand, "2026-11-20T10:00:00Z", "positive",
                "a", 1L, "t", new Query(UUID.randomUUID(), "x", "Rival")));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(nord, brand) == 1);

        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/share-of-voice")
                .then().statusCode(200)
                .body("voices.size()", equalTo(1)).body("voices[0].mentions", equalTo(0));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .when().get("/brands/" + brand + "/share-of-voice")
                .then().statusCode(404);
        given().when().get("/brands/" + brand + "/share-of-voice").then().statusCode(401);
        given().auth().oauth2(nord).queryParam("from", "yesterday")
                .when().get("/brands/" + brand + "/share-of-voice")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
    }
}
