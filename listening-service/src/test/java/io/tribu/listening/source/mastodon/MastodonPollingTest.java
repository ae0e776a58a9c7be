package io.tribu.listening.source.mastodon;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MastodonPollingTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");

    List<Map<String, Object>> mentionsFrom(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).queryParam("limit", 200)
                .when().get("/brands/cafe-lumiere/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void aBusyHashtagIsReadWithoutGapsNorDuplicates() throws IOException {
        try (FakeMastodon piaille = new FakeMastodon()) {
            piaille.post("113500000000000001", "cafelumiere", "<p>Le <strong>meilleur</strong> café de Lyon</p>",
                    "julien@piaille.fr", 1250, null, false);
            piaille.post("113500000000000002", "cafelumiere", "<p>boost</p>", "bot@piaille.fr", 3, null, true);
            piaille.post("113500000000000003", "autretag", "<p>hors sujet</p>", "x@piaille.fr", 3, null, false);
            String source = given().auth().oauth2(CM).contentType(ContentType.JSON)
                    .body(Map.of("type", "mastodon", "url", piaille.url().toString(), "hashtag", "cafelumiere",
                            "pollIntervalSeconds", 1))
                    .when().post("/brands/cafe-lumiere/sources")
                    .then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 1);
            Map<String, Object> first = mentionsFrom(source).get(0);
            assertEquals("Le meilleur café de Lyon", first.get("text"));
            assertEquals("@julien@piaille.fr", first.get("author"));
            assertEquals(1250, first.get("authorReach"));
            assertEquals("mastodon", first.get("source"));

            // A burst larger than several pages arrives between two polls.
            for (int i = 10; i < 10 + 95; i++) {
                piaille.post("1135000000000001" + i, "cafelumiere", "<p>Réponse " + i + "</p>", "fan" + i + "@mastodon.social",
                        i, "113500000000000001", false);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> mentionsFrom(source).size() == 96);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            List<Map<String, Object>> all = mentionsFrom(source);
            assertEquals(96, all.size());
            assertEquals(96, all.stream().map(m -> m.get("text")).collect(Collectors.toSet()).size());
            assertTrue(all.stream().filter(m -> "reply".equals(m.get("kind"))).count() == 95);
            assertTrue(piaille.queries().stream().anyMatch(q -> q.contains("min_id=113500000000000002")),
                    "resumes right after the newest status read: " + piaille.queries());
        }
    }

    @Test
    void aMastodonSourceNeedsAnInstanceAndAHashtag() {
        given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "mastodon", "url", "https://piaille.fr"))
                .when().post("/brands/cafe-lumiere/sources")
                .then().statusCode(400).body("violations.field", hasItem("hashtag"));
        given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "mastodon", "url", "https://piaille.fr", "hashtag", "#café lumière"))
                .when().post("/brands/cafe-lumiere/sources")
                .then().statusCode(400).body("violations.field", hasItem("hashtag"));
    }
}
