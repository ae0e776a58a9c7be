package io.tribu.listening.mention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.listening.source.mastodon.FakeMastodon;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An edit moves a mention to the story of its new text; a mention leaving a story it headed hands it over. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionStoryLifecycleTest {

    static final String BRAND = "story-lifecycle";
    static final String CM = TestTokens.token("soleil", "community-manager", BRAND);
    static final String RECALL = "Le fabricant Vélo Vert annonce le rappel de tous les cadres Urbain 3 vendus entre mars"
            + " et juin pour un défaut de soudure";
    static final String SHOP = "La nouvelle boutique Vélo Vert de Lyon ouvre samedi avec des ateliers de réparation"
            + " gratuits pour tous les cyclistes du quartier";

    @Inject
    Clock clock;

    /** Status id → [mention id, story id], withdrawn ones included. */
    Map<String, List<String>> stories(String sourceId, List<String> mentionIds) {
        return mentionIds.stream().map(id -> given().auth().oauth2(CM).when().get("/brands/" + BRAND + "/mentions/" + id)
                        .then().statusCode(200).extract().jsonPath())
                .collect(Collectors.toMap(m -> m.getString("url").substring("https://piaille.fr/@x/".length()),
                        m -> List.of(m.getString("id"), m.getString("storyId"))));
    }

    List<String> mentionIds(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).when().get("/brands/" + BRAND + "/mentions")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    @Test
    void anEditMovesTheMentionToItsNewStoryAndAHeadLeavingHandsItsStoryOver() throws Exception {
        try (FakeMastodon piaille = new FakeMastodon()) {
            String source = given().auth().oauth2(CM).contentType(ContentType.JSON)
                    .body(Map.of("type", "mastodon", "url", piaille.url().toString(), "hashtag", "histoires",
                            "pollIntervalSeconds", 86400))
                    .when().post("/brands/" + BRAND + "/sources")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> piaille.connectedStreams() == 1);
            piaille.post("113900000000000001", "histoires", "<p>" + RECALL + "</p>", clock.instant().minusSeconds(300));
            piaille.post("113900000000000002", "histoires", "<p>" + SHOP + "</p>", clock.instant().minusSeconds(240));
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionIds(source).size() == 2);
            piaille.post("113900000000000003", "histoires", "<p>" + RECALL + " !</p>", clock.instant().minusSeconds(180));
            piaille.post("113900000000000004", "histoires", "<p>" + RECALL + " !!</p>", clock.instant().minusSeconds(120));
            await().atMost(Duration.ofSeconds(20)).until(() -> mentionIds(source).size() == 4);
            List<String> ids = mentionIds(source);
            Map<String, List<String>> before = stories(source, ids);
            String recall = before.get("113900000000000001").get(0);
            String shop = before.get("113900000000000002").get(0);
            assertEquals(recall, before.get("113900000000000003").get(1), "copies join the first one's story");
            assertEquals(recall, before.get("113900000000000004").get(1));

            // a copy edited into the other story's text moves there
            piaille.edit("113900000000000004", "<p>" + SHOP + " !</p>");
            await().atMost(Duration.ofSeconds(10)).until(() -> shop.equals(stories(source, ids).get("113900000000000004").get(1)));

            // the head edited into something else leaves its story, which its earliest copy now heads
            piaille.edit("113900000000000001", "<p>Merci à toute l'équipe Vélo Vert pour la réparation express de ce"
                    + " matin, service impeccable et souriant</p>");
            String copy = before.get("113900000000000003").get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> copy.equals(stories(source, ids).get("113900000000000003").get(1)));
            assertEquals(recall, stories(source, ids).get("113900000000000001").get(1), "a story of its own");

            // a withdrawn head hands its story over too
            piaille.delete("113900000000000002", "histoires");
            String moved = before.get("113900000000000004").get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> moved.equals(stories(source, ids).get("113900000000000004").get(1)));
        }
    }
}
