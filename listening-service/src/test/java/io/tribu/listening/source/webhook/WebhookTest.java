package io.tribu.listening.source.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.signature.TribuSignature;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "velo-vert");

    @Inject
    Clock clock;

    record WebhookSource(String id, String path, String secret) {
    }

    WebhookSource addWebhook() {
        var created = given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "webhook", "ownedChannel", true))
                .when().post("/brands/velo-vert/sources")
                .then().statusCode(201)
                .body("webhookSecret", startsWith("whsec_"))
                .body("url", nullValue())
                .extract().jsonPath();
        return new WebhookSource(created.getString("id"), created.getString("webhookPath"),
                created.getString("webhookSecret"));
    }

    static ValidatableResponse deliver(WebhookSource source, String body, long timestamp, String secret) {
        return given().contentType(ContentType.JSON)
                .header("X-Tribu-Timestamp", Long.toString(timestamp))
                .header("X-Tribu-Signature", TribuSignature.sign(secret, timestamp, body))
                .body(body)
                .when().post(source.path())
                .then();
    }

    static String review(String id) {
        return """
                {"id":"%s","kind":"review","author":"Sofia G.","text":"Service impeccable, je recommande Vélo Vert !",
                 "language":"fr","publishedAt":"2026-11-21T18:42:00Z"}""".formatted(id);
    }

    @Test
    void aSignedDeliveryIsStoredOnceWhateverTheRedeliveries() {
        WebhookSource source = addWebhook();
        long now = clock.instant().getEpochSecond();
        String id = "review-" + UUID.randomUUID();

        String mentionId = deliver(source, review(id), now, source.secret())
                .statusCode(202).body("duplicate", equalTo(false)).body("mentionId", notNullValue())
                .extract().path("mentionId");
        deliver(source, review(id), now + 1, source.secret())
                .statusCode(200).body("duplicate", equalTo(true));

        given().auth().oauth2(CM).queryParam("sourceId", source.id())
                .when().get("/brands/velo-vert/mentions")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(mentionId))
                .body("[0].kind", equalTo("review"))
                .body("[0].source", equalTo("webhook"))
                .body("[0].ownedChannel", equalTo(true));
        // The secret is shown once, at creation.
        given().auth().oauth2(CM).when().get("/brands/velo-vert/sources/" + source.id())
                .then().statusCode(200).body("webhookSecret", nullValue()).body("webhookPath", equalTo(source.path()));
    }

    @Test
    void badStaleOrMissingSignaturesAnswer401() {
        WebhookSource source = addWebhook();
        long now = clock.instant().getEpochSecond();
        deliver(source, review("r-1"), now, "not-the-secret")
                .statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/bad-signature"));
        deliver(source, review("r-2"), now - 3600, source.secret())
                .statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(review("r-3")).when().post(source.path())
                .then().statusCode(401);
        given().auth().oauth2(CM).queryParam("sourceId", source.id())
                .when().get("/brands/velo-vert/mentions").then().body("size()", equalTo(0));
    }

    @Test
    void aSignedButInvalidDeliveryAnswers400NamingTheField() {
        WebhookSource source = addWebhook();
        deliver(source, "{\"id\":\"r-9\",\"text\":\"\",\"publishedAt\":\"2026-11-21T18:42:00Z\",\"kind\":\"tweet\"}",
                clock.instant().getEpochSecond(), source.secret())
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("text"))
                .body("violations.field", hasItem("kind"));
        deliver(source, "{not json", clock.instant().getEpochSecond(), source.secret())
                .statusCode(400).body("violations.field", hasItem("body"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("java")));
        deliver(source, "{\"id\":\"r-10\",\"text\":\"ok\",\"publishedAt\":\"hier\"}", clock.instant().getEpochSecond(),
                source.secret())
                .statusCode(400).body("violations.field", hasItem("publishedAt"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("java")));
    }

    /** Issue 18: a NUL (escaped in the JSON) answered 500, and the sender retried forever. */
    @Test
    void aSignedDeliveryWhoseTextCannotBeStoredAnswers400NamingTheFieldAndStoresNothing() {
        WebhookSource source = addWebhook();
        long now = clock.instant().getEpochSecond();
        for (String[] bad : new String[][] {
                {"text", "{\"id\":\"nul-1\",\"text\":\"Vélo\\u0000Vert\",\"publishedAt\":\"2026-11-21T18:42:00Z\"}"},
                {"author", "{\"id\":\"nul-2\",\"text\":\"ok\",\"author\":\"\\ud800\",\"publishedAt\":\"2026-11-21T18:42:00Z\"}"},
                {"id", "{\"id\":\"nul\\u0000-3\",\"text\":\"ok\",\"publishedAt\":\"2026-11-21T18:42:00Z\"}"},
                {"publishedAt", "{\"id\":\"nul-4\",\"text\":\"ok\",\"publishedAt\":\"+300000-01-01T00:00:00Z\"}"},
                {"publishedAt", "{\"id\":\"nul-5\",\"text\":\"ok\",\"publishedAt\":1763750520}"},
                {"body", "null"}}) {
            deliver(source, bad[1], now, source.secret())
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad[0]));
        }
        given().auth().oauth2(CM).queryParam("sourceId", source.id())
                .when().get("/brands/velo-vert/mentions").then().statusCode(200).body("size()", equalTo(0));
    }

    /** As a Bluesky bridge sends them: a BCP 47 language, and a post that only shares a link card. */
    @Test
    void aRegionalLanguageTagAndAnEmbedOnlyPostAreAccepted() {
        WebhookSource source = addWebhook();
        long now = clock.instant().getEpochSecond();
        String regional = "{\"id\":\"bsky-1\",\"text\":\"Loving my new Velo Vert cargo bike\",\"language\":\"en-US\","
                + "\"publishedAt\":\"2026-11-21T18:42:00Z\"}";
        String tagged = deliver(source, regional, now, source.secret()).statusCode(202).extract().path("mentionId");
        given().auth().oauth2(CM).when().get("/brands/velo-vert/mentions/" + tagged)
                .then().statusCode(200).body("language", equalTo("en"));

        String embedOnly = "{\"id\":\"bsky-2\",\"text\":\"\",\"publishedAt\":\"2026-11-21T18:43:00Z\",\"embed\":"
                + "{\"url\":\"https://velo-vert.example/cargo\",\"title\":\"Velo Vert cargo review\","
                + "\"description\":\"Six months with the cargo bike\"}}";
        String card = deliver(source, embedOnly, now, source.secret()).statusCode(202).extract().path("mentionId");
        given().auth().oauth2(CM).when().get("/brands/velo-vert/mentions/" + card)
                .then().statusCode(200)
                .body("text", equalTo("Velo Vert cargo review\nSix months with the cargo bike\nhttps://velo-vert.example/cargo"));

        deliver(source, "{\"id\":\"bsky-3\",\"text\":\" \",\"language\":\"english\","
                + "\"publishedAt\":\"2026-11-21T18:44:00Z\"}", now, source.secret())
                .statusCode(400).body("violations.field", hasItem("text")).body("violations.field", hasItem("language"));
    }

    /** The embed is third-party text too: bounded, an http(s) link, no NUL; a bad one is a 400 naming its field. */
    @Test
    void anOversizedOrUnstorableEmbedAnswers400NamingItsField() {
        WebhookSource source = addWebhook();
        long now = clock.instant().getEpochSecond();
        String at = "\"publishedAt\":\"2026-11-21T18:42:00Z\"";
        for (String[] bad : new String[][] {
                {"embed.title", "{\"id\":\"e-1\"," + at + ",\"embed\":{\"title\":\"" + "t".repeat(1001) + "\"}}"},
                {"embed.description", "{\"id\":\"e-2\"," + at + ",\"embed\":{\"description\":\"" + "d".repeat(5001) + "\"}}"},
                {"embed.url", "{\"id\":\"e-3\"," + at + ",\"embed\":{\"url\":\"https://x.example/" + "u".repeat(2048) + "\"}}"},
                {"embed.url", "{\"id\":\"e-4\"," + at + ",\"embed\":{\"url\":\"javascript:alert(1)\"}}"},
                {"embed.title", "{\"id\":\"e-5\"," + at + ",\"embed\":{\"title\":\"a\\u0000b\"}}"},
                {"embed", "{\"id\":\"e-6\"," + at + ",\"embed\":\"https://x.example\"}"}}) {
            deliver(source, bad[1], now, source.secret())
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad[0]));
        }
        given().auth().oauth2(CM).queryParam("sourceId", source.id())
                .when().get("/brands/velo-vert/mentions").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anUnknownSourceAnswers404() {
        WebhookSource missing = new WebhookSource(UUID.randomUUID().toString(),
                "/webhooks/sources/" + UUID.randomUUID(), "whsec_x");
        deliver(missing, review("r-1"), clock.instant().getEpochSecond(), missing.secret()).statusCode(404);
    }

    @Test
    void anRssSourceNeedsAUrl() {
        given().auth().oauth2(CM).contentType(ContentType.JSON).body(Map.of("type", "rss"))
                .when().post("/brands/velo-vert/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("url"));
    }
}
