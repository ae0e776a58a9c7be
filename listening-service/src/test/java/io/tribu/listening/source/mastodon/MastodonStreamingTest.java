package io.tribu.listening.source.mastodon;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.listening.mention.MentionUpdated;
import io.tribu.listening.mention.MentionWithdrawn;
import io.tribu.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statuses streamed by the instance arrive long before the next poll, once each, and never as boosts. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MastodonStreamingTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");

    List<Map<String, Object>> mentionsFrom(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).queryParam("limit", 200)
                .when().get("/brands/cafe-lumiere/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    List<Map<String, Object>> search(String words) {
        return given().auth().oauth2(CM).queryParam("q", words).queryParam("source", "mastodon")
                .when().get("/brands/cafe-lumiere/mentions/search")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aStreamedStatusIsStoredWithinSecondsOnceAndTheStreamClosesWithItsSource() throws IOException {
        try (FakeMastodon piaille = new FakeMastodon()) {
            piaille.post("113600000000000001", "velovert", "<p>Premier tour en Vélo Vert</p>", "ana@piaille.fr", 80,
                    null, false);
            String source = given().auth().oauth2(CM).contentType(ContentType.JSON)
                    .body(Map.of("type", "mastodon", "url", piaille.url().toString(), "hashtag", "velovert",
                            "pollIntervalSeconds", 86400))
                    .when().post("/brands/cafe-lumiere/sources")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionsFrom(source).size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);

            // The next poll is a day away: only the stream can bring these.
            piaille.stream("113600000000000002", "velovert", "<p>Crevaison réparée en 5 minutes, merci <b>Vélo Vert</b></p>",
                    "leo@mastodon.social", 4200, false);
            piaille.stream("113600000000000003", "velovert", "<p>boost</p>", "bot@piaille.fr", 2, true);
            piaille.stream("113600000000000002", "velovert", "<p>Crevaison réparée en 5 minutes, merci <b>Vélo Vert</b></p>",
                    "leo@mastodon.social", 4200, false);
            await().atMost(Duration.ofSeconds(10)).until(() -> mentionsFrom(source).size() == 2);
            Map<String, Object> streamed = mentionsFrom(source).stream()
                    .filter(m -> "@leo@mastodon.social".equals(m.get("author"))).findFirst().orElseThrow();
            assertEquals("Crevaison réparée en 5 minutes, merci Vélo Vert", streamed.get("text"));
            assertEquals(4200, streamed.get("authorReach"));

            // an edit replaces the text and is announced; a deletion withdraws it from lists and search
            try (TopicReader events = new TopicReader("tribu.listening.mentions")) {
                piaille.edit("113600000000000002", "velovert", "<p>Crevaison réparée en 3 minutes, merci <b>#<span>VéloVert</span></b></p>",
                        "leo@mastodon.social", 4200);
                await().atMost(Duration.ofSeconds(10)).until(() -> mentionsFrom(source).stream()
                        .anyMatch(m -> "Crevaison réparée en 3 minutes, merci #VéloVert".equals(m.get("text"))));
                // the stream's events are applied one after the other: the edit, streamed after the repeated status and
                // the boost, is applied after them (where a fixed 2 s only gave them the chance to be stored)
                assertEquals(2, mentionsFrom(source).size(), "the repeated status and the boost store nothing");
                Map<String, Object> edited = mentionsFrom(source).stream()
                        .filter(m -> "@leo@mastodon.social".equals(m.get("author"))).findFirst().orElseThrow();
                assertNotNull(edited.get("editedAt"));
                String id = (String) edited.get("id");
                assertTrue(events.await(r -> r.value().contains(MentionUpdated.TYPE) && r.value().contains(id),
                        Duration.ofSeconds(15)).isPresent(), "mention.updated on the topic");
                assertEquals(1, search("3 minutes").size());

                piaille.delete("113600000000000002", "velovert");
                await().atMost(Duration.ofSeconds(10)).until(() -> mentionsFrom(source).size() == 1);
                assertTrue(events.await(r -> r.value().contains(MentionWithdrawn.TYPE) && r.value().contains(id),
                        Duration.ofSeconds(15)).isPresent(), "mention.withdrawn on the topic");
                assertEquals(List.of(), search("3 minutes"), "search leaves withdrawn mentions out");
                given().auth().oauth2(CM).when().get("/brands/cafe-lumiere/mentions/" + id).then().statusCode(200)
                        .body("text", org.hamcrest.Matchers.equalTo(""))
                        .body("withdrawnAt", org.hamcrest.Matchers.notNullValue());
            }

            given().auth().oauth2(CM).when().delete("/brands/cafe-lumiere/sources/" + source)
                    .then().statusCode(204);
            await().atMost(Duration.ofSeconds(15)).until(() -> piaille.connectedStreams() == 0);
        }
    }
}
