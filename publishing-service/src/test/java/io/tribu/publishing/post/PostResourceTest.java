package io.tribu.publishing.post;

import io.tribu.publishing.outbox.EventSchemas;
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
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.christmasEve;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.variant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostResourceTest {

    static final String TOPIC = "tribu.publishing.posts";
    static final String SOLEIL_CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere", "velo-vert");
    static final String SOLEIL_ADMIN = TestTokens.token("soleil", "admin", "cafe-lumiere", "velo-vert");
    static final String SOLEIL_ANALYST = TestTokens.token("soleil", "analyst", "cafe-lumiere", "velo-vert");
    static final String SOLEIL_APPROVER = TestTokens.token("soleil", "client-approver", "cafe-lumiere");
    static final String NORD_CM = TestTokens.token("nord", "community-manager", "biscuits-nord");

    final ObjectMapper json = new ObjectMapper();

    static String create(String token, String brand, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/posts")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void draftIsStoredAndItsEventReachesTheTopic() throws Exception {
        try (TopicReader topic = new TopicReader(TOPIC)) {
            String id = given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON).body(christmasEve())
                    .when().post("/brands/cafe-lumiere/posts")
                    .then().statusCode(201)
                    .contentType(ContentType.JSON)
                    .header("Location", containsString("/brands/cafe-lumiere/posts/"))
                    .body("brandId", equalTo("cafe-lumiere"))
                    .body("status", equalTo("draft"))
                    .body("plannedAt", equalTo("2026-12-24T18:00:00Z"))
                    .body("tags", equalTo(List.of("noel")))
                    .body("variants.network", equalTo(List.of("mastodon", "bluesky")))
                    .body("createdBy", equalTo("community-manager@soleil"))
                    .body("createdAt", notNullValue())
                    .extract().path("id");

            // Every role of the agency may read the calendar, the client approver included.
            given().auth().oauth2(SOLEIL_APPROVER)
                    .when().get("/brands/cafe-lumiere/posts/" + id)
                    .then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("title", equalTo("Réveillon : chocolat chaud offert"))
                    .body("status", equalTo("draft"))
                    .body("variants[1].network", equalTo("bluesky"))
                    .body("variants[1].text", equalTo("Ce soir, chocolat chaud offert avec chaque bûche ☕🎄"));

            ConsumerRecord<String, String> record = topic
                    .await(r -> r.value().contains(id), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event for post " + id + " on the topic"));
            assertEquals("cafe-lumiere", record.key());
            JsonNode event = json.readTree(record.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals(PostCreated.TYPE, event.get("type").asText());
            assertEquals("/tribu/publishing", event.get("source").asText());
            assertEquals("cafe-lumiere", event.get("subject").asText());
            assertEquals("soleil", event.get("tenant").asText());
            assertEquals(id, event.at("/data/postId").asText());
            assertEquals("cafe-lumiere", event.at("/data/brandId").asText());
            assertEquals("Réveillon : chocolat chaud offert", event.at("/data/title").asText());
            assertEquals(List.of("noel"), json.convertValue(event.at("/data/tags"), List.class));
            assertEquals(List.of("mastodon", "bluesky"), json.convertValue(event.at("/data/networks"), List.class));
            assertEquals("2026-12-24T18:00:00Z", event.at("/data/plannedAt").asText());
            assertEquals("draft", event.at("/data/status").asText());
            assertTrue(EventSchemas.violations("post-created.v1", event).isEmpty(),
                    () -> "event does not follow its schema: " + EventSchemas.violations("post-created.v1", event));
        }
    }

    @Test
    void anUnplannedDraftIsStoredWithoutSlotAndItsEventSaysSo() throws Exception {
        try (TopicReader topic = new TopicReader(TOPIC)) {
            String id = create(SOLEIL_ADMIN, "velo-vert",
                    draft(null, variant("linkedin", "Nos vélos cargo arrivent à Lyon au printemps.")));

            given().auth().oauth2(SOLEIL_ANALYST)
                    .when().get("/brands/velo-vert/posts/" + id)
                    .then().statusCode(200)
                    .body("plannedAt", nullValue())
                    .body("variants.network", equalTo(List.of("linkedin")));

            JsonNode event = json.readTree(topic.await(r -> r.value().contains(id), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event for post " + id)).value());
            assertTrue(event.at("/data/plannedAt").isNull());
            assertEquals("velo-vert", event.get("subject").asText());
            assertTrue(EventSchemas.violations("post-created.v1", event).isEmpty(),
                    () -> "event does not follow its schema: " + EventSchemas.violations("post-created.v1", event));
        }
    }

    @Test
    void withoutTokenAnswers401() {
        given().contentType(ContentType.JSON).body(christmasEve())
                .when().post("/brands/cafe-lumiere/posts")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        given().when().get("/brands/cafe-lumiere/posts/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceAnswers401() {
        given().auth().oauth2(TestTokens.tokenForOtherAudience("soleil", "community-manager", "cafe-lumiere"))
                .contentType(ContentType.JSON).body(christmasEve())
                .when().post("/brands/cafe-lumiere/posts")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
    }

    @Test
    void analystsAndClientApproversCannotCreatePosts() {
        given().auth().oauth2(SOLEIL_ANALYST).contentType(ContentType.JSON).body(christmasEve())
                .when().post("/brands/cafe-lumiere/posts")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().auth().oauth2(SOLEIL_APPROVER).contentType(ContentType.JSON).body(christmasEve())
                .when().post("/brands/cafe-lumiere/posts")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aBrandOutsideTheTokenAnswers404() {
        given().auth().oauth2(NORD_CM).contentType(ContentType.JSON).body(christmasEve())
                .when().post("/brands/cafe-lumiere/posts")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/not-found"));
        given().auth().oauth2(NORD_CM)
                .when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherBrandsPostAnswers404() {
        // The client approver of cafe-lumiere may not read velo-vert, even within the same agency.
        String id = create(SOLEIL_CM, "velo-vert", christmasEve());
        given().auth().oauth2(SOLEIL_APPROVER)
                .when().get("/brands/velo-vert/posts/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        // Asking for the post under a brand it does not belong to finds nothing either.
        given().auth().oauth2(SOLEIL_CM)
                .when().get("/brands/cafe-lumiere/posts/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherTenantsPostAnswers404EvenWithTheSameBrandId() {
        String id = create(SOLEIL_CM, "cafe-lumiere", christmasEve());
        // A brand id may exist in two agencies: the tenant claim, not the brand id, isolates the data.
        String nordWithSameBrandId = TestTokens.token("nord", "admin", "cafe-lumiere");

        given().auth().oauth2(NORD_CM)
                .when().get("/brands/cafe-lumiere/posts/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(nordWithSameBrandId)
                .when().get("/brands/cafe-lumiere/posts/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", not(containsString("soleil")));
        given().auth().oauth2(nordWithSameBrandId)
                .queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2027-01-01T00:00:00Z")
                .when().get("/brands/cafe-lumiere/posts")
                .then().statusCode(200)
                .body("posts.id", not(hasItem(id)));
    }

    @Test
    void anUnknownPostAnswers404() {
        given().auth().oauth2(SOLEIL_CM)
                .when().get("/brands/cafe-lumiere/posts/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/not-found"));
    }
}
