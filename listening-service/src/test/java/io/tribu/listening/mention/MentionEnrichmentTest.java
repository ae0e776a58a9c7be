package io.tribu.listening.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.listening.access.TestTokens;
import io.tribu.listening.outbox.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Language, sentiment and story of each recorded mention, in its view and in its event. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionEnrichmentTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "boulangerie-enrich");

    final ObjectMapper json = new ObjectMapper();

    static Map<String, Object> mention(String text, String publishedAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("source", "rss");
        m.put("author", "Lucie");
        m.put("text", text);
        m.put("publishedAt", publishedAt);
        return m;
    }

    static String record(Map<String, Object> body) {
        return given().auth().oauth2(CM).contentType(ContentType.JSON).body(body)
                .when().post("/brands/boulangerie-enrich/mentions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void languageIsDetectedAndSentimentScoredWhenTheSourceDoesNotSay() throws Exception {
        try (TopicReader topic = new TopicReader("tribu.listening.mentions")) {
            String id = record(mention("Trois semaines que j'attends ma commande et personne ne répond, c'est inadmissible.",
                    "2026-11-20T09:00:00Z"));
            given().auth().oauth2(CM).when().get("/brands/boulangerie-enrich/mentions/" + id)
                    .then().statusCode(200)
                    .body("language", equalTo("fr"))
                    .body("sentiment.label", equalTo("negative"))
                    .body("sentiment.score", lessThan(0f))
                    .body("storyId", equalTo(id));

            ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(id), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event for " + id));
            JsonNode data = json.readTree(record.value()).get("data");
            assertEquals("fr", data.get("language").asText());
            assertEquals("negative", data.at("/sentiment/label").asText());
            assertTrue(data.at("/sentiment/score").asDouble() < 0);
            assertEquals(id, data.get("storyId").asText());
            assertTrue(EventSchemas.violations("mention-recorded.v1", json.readTree(record.value())).isEmpty());
        }
    }

    @Test
    void aPositiveEnglishMentionIsPositive() {
        String id = record(mention("Absolutely love the new sourdough from this bakery, best bread in town!",
                "2026-11-20T09:05:00Z"));
        given().auth().oauth2(CM).when().get("/brands/boulangerie-enrich/mentions/" + id)
                .then().statusCode(200)
                .body("language", equalTo("en"))
                .body("sentiment.label", equalTo("positive"))
                .body("sentiment.score", greaterThan(0f));
    }

    @Test
    void aDeclaredLanguageIsKeptAndOtherLanguagesGetNoSentiment() {
        Map<String, Object> body = mention("Das neue Brot dieser Bäckerei ist wirklich ausgezeichnet und frisch.",
                "2026-11-20T09:10:00Z");
        body.put("language", "de");
        String id = record(body);
        given().auth().oauth2(CM).when().get("/brands/boulangerie-enrich/mentions/" + id)
                .then().statusCode(200)
                .body("language", equalTo("de"))
                .body("sentiment", nullValue());
    }

    @Test
    void aRepostJoinsTheStoryOfTheOriginal() {
        String original = record(mention("La boulangerie du quartier Saint-Michel lance un pain au levain "
                + "cuit au feu de bois chaque samedi matin", "2026-11-19T08:00:00Z"));
        String repost = record(mention("RT @lucie: la boulangerie du quartier Saint-Michel lance un pain au levain "
                + "cuit au feu de bois chaque samedi matin https://t.co/x1", "2026-11-19T09:30:00Z"));
        String unrelated = record(mention("La boulangerie du quartier Saint-Michel sera fermée pour travaux "
                + "pendant les vacances de Noël, réouverture en janvier", "2026-11-19T10:00:00Z"));
        given().auth().oauth2(CM).when().get("/brands/boulangerie-enrich/mentions/" + repost)
                .then().statusCode(200).body("storyId", equalTo(original));
        given().auth().oauth2(CM).when().get("/brands/boulangerie-enrich/mentions/" + unrelated)
                .then().statusCode(200).body("storyId", equalTo(unrelated)).body("storyId", not(equalTo(original)));
    }
}
