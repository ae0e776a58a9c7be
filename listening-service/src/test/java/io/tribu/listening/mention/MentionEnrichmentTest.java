package io.tribu.listening.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Inject
    MentionService mentions;

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

    @Inject
    java.time.Clock clock;

    /** Operators read the enrichment time and rate at /q/metrics (docs/operations.md). */
    @Test
    void eachEnrichmentIsTimed() {
        double before = enrichmentCount();
        record(mention("Le pain de ce matin était parfait, merci !", clock.instant().minus(Duration.ofHours(1)).toString()));
        assertTrue(enrichmentCount() >= before + 1, "tribu_mention_enrichment_seconds_count after one mention");
    }

    static double enrichmentCount() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("tribu_mention_enrichment_seconds_count"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
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

    /** A batch (the Kafka ingest's) looks its stories up together: each mention still gets its own. */
    @Test
    void eachMentionOfABatchJoinsTheStoryOfItsOwnOriginal() throws Throwable {
        String bread = "Le fournil de la rue des Lilas propose désormais une baguette aux graines de courge "
                + "et un pain de seigle au miel tous les mardis";
        String cake = "La pâtisserie de la place du marché prépare une bûche de Noël à la pistache et une "
                + "galette frangipane à réserver avant le vingt décembre";
        String breadOriginal = record(mention(bread, "2026-11-18T08:00:00Z"));
        String cakeOriginal = record(mention(cake, "2026-11-18T08:30:00Z"));
        List<Mention> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                mentions.recordAllOnce(List.of(heard("Court", "2026-11-18T09:00:00Z"),
                        heard("RT " + cake + " https://t.co/c1", "2026-11-18T09:10:00Z"),
                        heard("RT " + bread + " https://t.co/b1", "2026-11-18T09:20:00Z")))));
        assertEquals(stored.get(0).id, stored.get(0).storyId);
        assertEquals(cakeOriginal, stored.get(1).storyId.toString());
        assertEquals(breadOriginal, stored.get(2).storyId.toString());
    }

    /** Looked up together, each copy only sees the mentions of its own tenant and brand. */
    @Test
    void aCopyHeardForAnotherBrandOrTenantStartsItsOwnStory() throws Throwable {
        String text = "Le salon de thé de la rue Mercière ouvre une terrasse chauffée avec vue sur la Saône "
                + "et propose des scones maison le dimanche";
        String original = record(mention(text, "2026-11-17T08:00:00Z"));
        String repost = "RT " + text + " https://t.co/s1";
        List<Mention> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                mentions.recordAllOnce(List.of(
                        heard("soleil", "autre-marque", repost, "2026-11-17T09:00:00Z"),
                        heard("lune", "boulangerie-enrich", repost, "2026-11-17T09:10:00Z"),
                        heard("soleil", "boulangerie-enrich", repost, "2026-11-17T09:20:00Z")))));
        assertEquals(stored.get(0).id, stored.get(0).storyId);
        assertEquals(stored.get(1).id, stored.get(1).storyId);
        assertEquals(original, stored.get(2).storyId.toString());
    }

    /**
     * The store's lookup reads the band keys by 4-day bucket of the publication time (V19; 2026-11-11T00:00Z starts
     * one): a copy finds its original in the first or the last bucket its window spans, and the window still bounds.
     */
    @Test
    void aCopyFindsItsOriginalAcrossTimeBuckets() throws Throwable {
        String market = "Le marché couvert de la Croix-Rousse accueille les producteurs de fromage fermier "
                + "et de miel de lavande chaque jeudi soir";
        String oven = "La boulangerie de la gare rallume son four à bois et vend des brioches aux pralines "
                + "roses dès six heures le matin";
        String marketOriginal = record(mention(market, "2026-11-10T23:00:00Z"));
        String ovenOriginal = record(mention(oven, "2026-11-11T01:00:00Z"));
        List<Mention> stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                mentions.recordAllOnce(List.of(
                        heard("RT " + market + " https://t.co/m1", "2026-11-13T00:00:00Z"),
                        heard("RT " + oven + " https://t.co/o1", "2026-11-10T00:00:00Z"),
                        heard("RT " + oven + " https://t.co/o2", "2026-11-14T02:00:00Z")))));
        assertEquals(marketOriginal, stored.get(0).storyId.toString(), "original in the window's first bucket");
        assertEquals(ovenOriginal, stored.get(1).storyId.toString(), "original in the window's last bucket");
        assertEquals(stored.get(2).id, stored.get(2).storyId, "3 days and 1 hour after the original: its own story");
    }

    private static MentionService.Heard heard(String text, String publishedAt) {
        return heard("soleil", "boulangerie-enrich", text, publishedAt);
    }

    private static MentionService.Heard heard(String tenant, String brandId, String text, String publishedAt) {
        return new MentionService.Heard(tenant, brandId, new NewMention(null, null, "rss", "post", false,
                "Lucie", null, text, null, null, Instant.parse(publishedAt)));
    }
}
