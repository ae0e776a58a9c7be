package io.tribu.listening.mention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue 18: retried writes do not duplicate (Idempotency-Key; the same source and externalId are stored once). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionIdempotencyTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere", "velo-vert");

    static Map<String, Object> mention(String text) {
        return Map.of("source", "rss", "text", text, "publishedAt", "2026-11-20T10:00:00Z");
    }

    static Response post(String brand, Object body, String key) {
        var request = given().auth().oauth2(CM).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/brands/" + brand + "/mentions");
    }

    /** Events about the mention on the topic, read up to a mention recorded after the test's requests. */
    static long eventsAbout(TopicReader topic, String mentionId) {
        return MentionTopic.upToAMarker(topic, CM, "cafe-lumiere", r -> r.value().contains(mentionId)).size();
    }

    @Test
    void threeIdenticalPostsWithOneKeyStoreOneMentionAndEmitOneEvent() {
        String key = UUID.randomUUID().toString();
        String text = "Le flat white de Café Lumière, " + UUID.randomUUID();
        try (TopicReader topic = new TopicReader("tribu.listening.mentions")) {
            Response first = post("cafe-lumiere", mention(text), key);
            first.then().statusCode(201);
            Response second = post("cafe-lumiere", mention(text), key);
            Response third = post("cafe-lumiere", mention(text), key);

            second.then().statusCode(201).header("Idempotent-Replayed", "true");
            third.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertEquals(first.asString(), second.asString());
            assertEquals(first.asString(), third.asString());
            assertEquals(first.header("Location"), third.header("Location"));
            assertNull(first.header("Idempotent-Replayed"));
            String id = first.path("id");
            given().auth().oauth2(CM).queryParam("q", text).when().get("/brands/cafe-lumiere/mentions/search")
                    .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].mention.id", equalTo(id));
            assertEquals(1, eventsAbout(topic, id));
        }
    }

    @Test
    void theSameKeyWithAnotherBodyAnswers422AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        String text = "Café Lumière ouvre à Lyon " + UUID.randomUUID();
        post("cafe-lumiere", mention(text), key).then().statusCode(201);

        post("cafe-lumiere", mention(text + " (modifié)"), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/idempotency-key-reused"));
        // the same body for another brand is another request too
        post("velo-vert", mention(text), key).then().statusCode(422);
        given().auth().oauth2(CM).queryParam("q", "modifié " + text.substring(text.length() - 36))
                .when().get("/brands/cafe-lumiere/mentions/search").then().body("items.size()", equalTo(0));
    }

    @Test
    void aMalformedKeyAnswers400NamingTheHeader() {
        post("cafe-lumiere", mention("x"), "espace interdite").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("violations[0].in", equalTo("header"));
    }

    @Test
    void theSameSourceAndExternalIdAreStoredOnceAndTheRepeatAnswers200WithTheFirst() {
        String externalId = "https://blog.example.fr/cafe#comment-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(mention("Un cortado parfait chez Café Lumière"));
        body.put("externalId", externalId);
        try (TopicReader topic = new TopicReader("tribu.listening.mentions")) {
            String id = post("cafe-lumiere", body, null).then().statusCode(201)
                    .body("externalId", equalTo(externalId)).extract().path("id");
            // a retry without a key, or with another one, and even with an edited text: the item is stored already
            body.put("text", "Un cortado parfait chez Café Lumière (édité)");
            post("cafe-lumiere", body, null).then().statusCode(200).body("id", equalTo(id))
                    .body("text", equalTo("Un cortado parfait chez Café Lumière"));
            post("cafe-lumiere", body, UUID.randomUUID().toString()).then().statusCode(200).body("id", equalTo(id));
            // another source or another brand is another item
            body.put("source", "forum");
            post("cafe-lumiere", body, null).then().statusCode(201);
            post("velo-vert", body, null).then().statusCode(201);
            assertEquals(1, eventsAbout(topic, id));
        }
    }

    @Test
    void concurrentRecordingsOfOneItemStoreOneMention() throws Exception {
        String externalId = "post-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(mention("Vélo Vert, la meilleure boutique " + externalId));
        body.put("externalId", externalId);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> post("velo-vert", body, null), clients));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (CompletableFuture<Response> answer : answers) {
                statuses.add(answer.get().statusCode());
                ids.add(answer.get().path("id"));
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses::toString);
            assertEquals(5, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
            assertEquals(1, ids.stream().distinct().count(), ids::toString);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void sourcesAlertRulesAndQueriesHonourTheKeyToo() {
        // what to create, and another body for the same key
        for (String[] creation : new String[][] {
                {"sources", "{\"type\":\"webhook\"}", "{\"type\":\"webhook\",\"ownedChannel\":true}"},
                {"alerts", "{\"name\":\"Rappel\",\"type\":\"keyword\",\"keywords\":[\"rappel\"]}",
                        "{\"name\":\"Rappel\",\"type\":\"keyword\",\"keywords\":[\"rappel\"],\"cooldownMinutes\":5}"},
                {"queries", "{\"name\":\"Marque\",\"query\":\"lumière\",\"subject\":\"brand\"}",
                        "{\"name\":\"Marque\",\"query\":\"lumière\",\"subject\":\"brand\",\"enabled\":false}"}}) {
            String brand = "idem-" + UUID.randomUUID().toString().substring(0, 8);
            String token = TestTokens.token("soleil", "admin", brand);
            String key = UUID.randomUUID().toString();
            List<Response> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(creation[1]).when().post("/brands/" + brand + "/" + creation[0]));
            }
            answers.forEach(answer -> answer.then().statusCode(201));
            assertEquals(answers.get(0).asString(), answers.get(2).asString(), creation[0]);
            given().auth().oauth2(token).when().get("/brands/" + brand + "/" + creation[0])
                    .then().statusCode(200).body("size()", equalTo(1));
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(creation[2])
                    .when().post("/brands/" + brand + "/" + creation[0])
                    .then().statusCode(422);
        }
    }
}
