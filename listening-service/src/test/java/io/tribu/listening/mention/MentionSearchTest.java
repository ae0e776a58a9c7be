package io.tribu.listening.mention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentionSearchTest {

    static final String BRAND = "fromagerie-search";
    static final String CM = TestTokens.token("soleil", "community-manager", BRAND);
    static final String ANALYST = TestTokens.token("soleil", "analyst", BRAND);
    static final String OTHER_TENANT = TestTokens.token("nord", "analyst", BRAND);

    final Map<String, String> ids = new HashMap<>();

    // once per class, but after Quarkus has started (@BeforeAll of a PER_CLASS test runs too early for REST calls)
    @BeforeEach
    void recordMentions() {
        if (!ids.isEmpty()) {
            return;
        }
        record("comte", "rss", "Le comté affiné 24 mois de la Fromagerie est exceptionnel, un délice absolu !",
                "2026-11-10T10:00:00Z");
        record("livraison", "mastodon", "Livraison en retard et fromage abîmé, je suis très déçu du service.",
                "2026-11-11T10:00:00Z");
        record("english", "mastodon", "The aged comté from this cheese shop is wonderful, highly recommended!",
                "2026-11-12T10:00:00Z");
        String article = "La Fromagerie ouvre un bar à fromages rue des Martyrs avec une sélection de trente "
                + "affineurs et une cave à vins naturels, ouverture prévue au printemps";
        record("story", "rss", article, "2026-11-13T10:00:00Z");
        record("storyCopy", "rss", "À LIRE : " + article, "2026-11-13T12:00:00Z");
    }

    void record(String name, String source, String text, String publishedAt) {
        ids.put(name, given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("source", source, "text", text, "publishedAt", publishedAt))
                .when().post("/brands/" + BRAND + "/mentions")
                .then().statusCode(201).extract().path("id"));
    }

    @Test
    void fullTextIgnoresCaseAccentsAndElisions() {
        given().auth().oauth2(ANALYST).queryParam("q", "COMTE affine")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items.mention.id", containsInAnyOrder(ids.get("comte")));
        given().auth().oauth2(ANALYST).queryParam("q", "\"bar a fromages\"")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items.mention.id", containsInAnyOrder(ids.get("story"), ids.get("storyCopy")));
        given().auth().oauth2(ANALYST).queryParam("q", "comte -livraison OR retard")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items.mention.id", hasItem(ids.get("livraison")));
    }

    @Test
    void filtersCombine() {
        given().auth().oauth2(ANALYST).queryParam("sentiment", "negative")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items.mention.id", contains(ids.get("livraison")));
        given().auth().oauth2(ANALYST).queryParam("language", "en").queryParam("source", "mastodon")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items.mention.id", contains(ids.get("english")));
        given().auth().oauth2(ANALYST)
                .queryParam("from", "2026-11-11T00:00:00Z").queryParam("to", "2026-11-12T23:00:00Z")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items.mention.id", contains(ids.get("english"), ids.get("livraison")));
    }

    @Test
    void storiesCollapseCopiesIntoTheFirstMentionWithACount() {
        given().auth().oauth2(ANALYST).queryParam("stories", true).queryParam("q", "martyrs")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].mention.id", equalTo(ids.get("story")))
                .body("items[0].storySize", equalTo(2));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(ANALYST).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/brands/" + BRAND + "/mentions/search")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.mention.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(ids.get("storyCopy"), ids.get("story"), ids.get("english"), ids.get("livraison"),
                ids.get("comte")), seen);
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        given().auth().oauth2(ANALYST).queryParam("cursor", "not-a-cursor")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("cursor"));
        given().auth().oauth2(ANALYST).queryParam("from", "yesterday")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
        given().auth().oauth2(ANALYST).queryParam("sentiment", "angry")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sentiment"));
        given().auth().oauth2(ANALYST).queryParam("from", "2026-11-12T00:00:00Z").queryParam("to", "2026-11-11T00:00:00Z")
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
    }

    @Test
    void anotherTenantWithTheSameBrandIdSeesNothing() {
        given().auth().oauth2(OTHER_TENANT)
                .when().get("/brands/" + BRAND + "/mentions/search")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }
}
