package io.tribu.analytics.author;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
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
class AuthorsTest {

    static final String TOPIC = "tribu.listening.mentions";

    static long total(String token, String brand) {
        return given().auth().oauth2(token)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void ambassadorsDetractorsAndInfluencers() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        String replayed = MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T10:00:00Z", "positive",
                "Marie", 1000L, "Bravo");
        TestEvents.send(TOPIC, brand, replayed);
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-21T10:00:00Z", "positive",
                "Marie", 1200L, "Encore bravo"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T11:00:00Z", "positive",
                "Paul", 50_000L, "Pas mal"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T12:00:00Z", "negative",
                "Jo", 5L, "Nul"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-22T12:00:00Z", "negative",
                "Jo", 5L, "Toujours nul"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-22T13:00:00Z", "neutral",
                "Zoé", 300L, "Bof"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-22T14:00:00Z", "negative",
                null, null, "anonymous"));
        TestEvents.send(TOPIC, brand, replayed);
        // Outside the period asked below.
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-05T12:00:00Z", "negative",
                "Old", 5L, "late and out of range"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 8);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-23T00:00:00Z")
                .when().get("/brands/" + brand + "/authors")
                .then().statusCode(200)
                .body("ambassadors.author", contains("Marie", "Paul"))
                .body("ambassadors[0].positive", equalTo(2)).body("ambassadors[0].mentions", equalTo(2))
                .body("ambassadors[0].reach", equalTo(1200))
                .body("detractors.author", contains("Jo"))
                .body("detractors[0].negative", equalTo(2))
                .body("influencers.author", contains("Paul", "Marie", "Zoé", "Jo"));
    }

    @Test
    void onlyAuthorsWhoWroteAboutTheBrandItselfRankForIt() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        MentionEvents.Query own = new MentionEvents.Query(UUID.randomUUID(), "Café Lumière", null);
        MentionEvents.Query rival = new MentionEvents.Query(UUID.randomUUID(), "Concurrents", "Grain d'Or");
        // Loud and glowing, but only ever about the competitor: no ambassador, detractor nor influencer of the brand.
        for (int i = 0; i < 3; i++) {
            TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T1" + i + ":00:00Z",
                    "positive", "Fan de Grain d'Or", 90_000L, "Grain d'Or est génial", rival));
        }
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T14:00:00Z",
                "negative", "Fan de Grain d'Or", 90_000L, "Grain d'Or a changé", rival));
        // About both: it speaks of the brand, so it counts.
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T15:00:00Z",
                "positive", "Comparatrice", 500L, "Café Lumière bat Grain d'Or", own, rival));
        // A comment on the brand's own page matches no query: about the brand.
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T16:00:00Z",
                "positive", "Habituée", 20L, "Merci pour l'accueil"));
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand, "2026-11-20T17:00:00Z",
                "negative", "Déçu", 10L, "Café Lumière, trop cher", own));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, brand) == 7);

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .when().get("/brands/" + brand + "/authors")
                .then().statusCode(200)
                .body("ambassadors.author", contains("Comparatrice", "Habituée"))
                .body("detractors.author", contains("Déçu"))
                .body("influencers.author", contains("Comparatrice", "Habituée", "Déçu"));
    }

    @Test
    void isolationAndBadInput() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String nord = TestTokens.token("nord", "analyst", brand);
        TestEvents.send(TOPIC, brand, MentionEvents.scored(UUID.randomUUID(), "nord", brand, "2026-11-20T10:00:00Z", "positive",
                "Marie", 1000L, "Bravo"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(nord, brand) == 1);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/authors")
                .then().statusCode(200).body("ambassadors.size()", equalTo(0)).body("influencers.size()", equalTo(0));
        given().auth().oauth2(TestTokens.token("nord", "analyst", "other"))
                .when().get("/brands/" + brand + "/authors").then().statusCode(404);
        given().when().get("/brands/" + brand + "/authors").then().statusCode(401);
        given().auth().oauth2(nord).queryParam("limit", "zero")
                .when().get("/brands/" + brand + "/authors")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }
}
