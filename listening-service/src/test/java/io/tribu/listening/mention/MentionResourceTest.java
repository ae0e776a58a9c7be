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
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionResourceTest {

    static final String SOLEIL_CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere", "velo-vert");
    static final String SOLEIL_ANALYST = TestTokens.token("soleil", "analyst", "cafe-lumiere", "velo-vert");
    static final String NORD_CM = TestTokens.token("nord", "community-manager", "biscuits-nord");

    static final Map<String, Object> MENTION = Map.of(
            "source", "rss",
            "author", "Marie Dupont",
            "text", "Le nouveau torréfié de Café Lumière est une merveille !",
            "url", "https://blog.example.fr/cafe-lumiere-avis",
            "language", "fr",
            "publishedAt", "2026-11-20T10:00:00Z");

    final ObjectMapper json = new ObjectMapper();

    @Test
    void recordedMentionIsStoredAndItsEventReachesTheTopic() throws Exception {
        try (TopicReader topic = new TopicReader("tribu.listening.mentions")) {
            String id = given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON).body(MENTION)
                    .when().post("/brands/cafe-lumiere/mentions")
                    .then().statusCode(201)
                    .header("Location", containsString("/brands/cafe-lumiere/mentions/"))
                    .body("brandId", equalTo("cafe-lumiere"))
                    .body("receivedAt", notNullValue())
                    .extract().path("id");

            given().auth().oauth2(SOLEIL_ANALYST)
                    .when().get("/brands/cafe-lumiere/mentions/" + id)
                    .then().statusCode(200)
                    .body("text", equalTo(MENTION.get("text")))
                    .body("source", equalTo("rss"));

            ConsumerRecord<String, String> record = topic
                    .await(r -> r.value().contains(id), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event for mention " + id + " on the topic"));
            assertEquals("cafe-lumiere", record.key());
            JsonNode event = json.readTree(record.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals(MentionRecorded.TYPE, event.get("type").asText());
            assertEquals("cafe-lumiere", event.get("subject").asText());
            assertEquals("soleil", event.get("tenant").asText());
            assertEquals(id, event.at("/data/mentionId").asText());
            assertTrue(EventSchemas.violations("mention-recorded.v1", event).isEmpty(),
                    () -> "event does not follow its schema: " + EventSchemas.violations("mention-recorded.v1", event));
        }
    }

    @Test
    void withoutTokenAnswers401() {
        given().contentType(ContentType.JSON).body(MENTION)
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceAnswers401() {
        given().auth().oauth2(TestTokens.tokenForOtherAudience("soleil", "community-manager", "cafe-lumiere"))
                .contentType(ContentType.JSON).body(MENTION)
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
    }

    @Test
    void analystCannotRecordMentions() {
        given().auth().oauth2(SOLEIL_ANALYST).contentType(ContentType.JSON).body(MENTION)
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anotherTenantsBrandAnswers404() {
        given().auth().oauth2(NORD_CM).contentType(ContentType.JSON).body(MENTION)
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherTenantsMentionAnswers404EvenWithTheSameBrandId() {
        String id = given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON).body(MENTION)
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(201).extract().path("id");
        // A brand id may exist in two agencies: the tenant claim, not the brand id, isolates the data.
        String nordWithSameBrandId = TestTokens.token("nord", "admin", "cafe-lumiere");

        given().auth().oauth2(nordWithSameBrandId)
                .when().get("/brands/cafe-lumiere/mentions/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void invalidMentionAnswers400WithTheFieldAndReason() {
        given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON)
                .body(Map.of("source", "Not A Source!", "text", "", "publishedAt", "2026-11-20T10:00:00Z",
                        "url", "javascript:alert(1)"))
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("text"))
                .body("violations.field", hasItem("source"))
                .body("violations.field", hasItem("url"));
    }

    @Test
    void malformedJsonAnswers400ProblemJson() {
        given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON)
                .body("{\"source\": \"rss\", \"text\": ")
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badTimestampAnswers400NamingTheField() {
        given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON)
                .body(Map.of("source", "rss", "text", "hello", "publishedAt", "yesterday"))
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("publishedAt"))
                .body(not(containsString("java.")));
    }

    @Test
    void aValueOfTheWrongTypeAnswers400NamingTheFieldWithoutJavaNames() {
        given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON)
                .body("{\"source\":\"rss\",\"text\":{\"nested\":true},\"publishedAt\":\"2026-11-20T10:00:00Z\"}")
                .when().post("/brands/cafe-lumiere/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("text"))
                .body(not(containsString("java.")))
                .body(not(containsString("String")));
    }
}
