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

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each stored mention is matched against its brand's listening queries: stored, searchable, in its event. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionMatchingTest {

    final ObjectMapper json = new ObjectMapper();

    static String query(String token, String brand, String name, String query, String subject, String competitor) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "query", query, "subject", subject));
        if (competitor != null) {
            body.put("competitor", competitor);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(201).extract().path("id");
    }

    static String record(String token, String brand, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("source", "rss", "author", "Lucie", "text", text, "publishedAt", "2026-11-21T09:00:00Z"))
                .when().post("/brands/" + brand + "/mentions")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void mentionsCarryTheQueriesTheyMatchAndAreSearchableByQuery() throws Exception {
        String brand = "matching-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String own = query(cm, brand, "Marque", "\"café lumière\" OR #cafelumiere", "brand", null);
        String rival = query(cm, brand, "Concurrent", "\"grain d'or\" NOT recrutement", "competitor", "Grain d'Or");
        try (TopicReader topic = new TopicReader("tribu.listening.mentions")) {
            String both = record(cm, brand, "Le CAFE LUMIERE est bien meilleur que Grain d'Or, franchement.");
            String none = record(cm, brand, "Grain d'Or recrutement : barista à Lyon");

            ConsumerRecord<String, String> event = topic.await(r -> r.value().contains(both), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event for " + both));
            JsonNode data = json.readTree(event.value()).get("data");
            assertEquals(List.of(own, rival).stream().sorted().toList(),
                    List.of(data.at("/matchedQueryIds/0").asText(), data.at("/matchedQueryIds/1").asText()).stream().sorted().toList());
            JsonNode competitor = data.get("matchedQueries").findParents("competitor").stream()
                    .filter(q -> rival.equals(q.get("id").asText())).findFirst().orElseThrow();
            assertEquals("Grain d'Or", competitor.get("competitor").asText());
            assertEquals("competitor", competitor.get("subject").asText());
            assertTrue(EventSchemas.violations("mention-recorded.v1", json.readTree(event.value())).isEmpty());

            given().auth().oauth2(cm).when().get("/brands/" + brand + "/mentions/" + none)
                    .then().statusCode(200).body("matchedQueryIds", empty());
            given().auth().oauth2(cm).queryParam("query", rival)
                    .when().get("/brands/" + brand + "/mentions/search")
                    .then().statusCode(200).body("items.mention.id", contains(both));
            given().auth().oauth2(cm).queryParam("query", "pas-un-uuid")
                    .when().get("/brands/" + brand + "/mentions/search")
                    .then().statusCode(400).body("violations[0].field", equalTo("query"));
        }
    }

    @Test
    void aBrandsQueriesNeverMatchAnotherBrandsMentions() {
        String brand = "matching-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "matching-" + UUID.randomUUID().toString().substring(0, 8);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String otherAgency = TestTokens.token("nord", "community-manager", other);
        query(cm, brand, "Marque", "vélo", "brand", null);
        String foreign = record(otherAgency, other, "Mon vélo est tout neuf");
        given().auth().oauth2(otherAgency).when().get("/brands/" + other + "/mentions/" + foreign)
                .then().statusCode(200).body("matchedQueryIds", empty());
        String mine = record(cm, brand, "Mon vélo est tout neuf");
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/mentions/" + mine)
                .then().statusCode(200).body("matchedQueryIds.size()", equalTo(1));
    }
}
