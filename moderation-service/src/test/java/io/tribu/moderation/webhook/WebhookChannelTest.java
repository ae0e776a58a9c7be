package io.tribu.moderation.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tribu.platform.signature.TribuSignature;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Networks push comments and messages of owned channels; only authentic deliveries reach the brand's inbox. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookChannelTest {

    static final String APP_SECRET = "3f1c2b9e8d7a6f5e4d3c2b1a09f8e7d6";

    @Inject
    Clock clock;

    static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] recorded(String name) throws IOException {
        try (InputStream in = WebhookChannelTest.class.getResourceAsStream("/webhook/" + name)) {
            return in.readAllBytes();
        }
    }

    static ExtractableResponse<Response> connect(String admin, String brand, Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/webhook-channels")
                .then().statusCode(201).extract();
    }

    static List<Map<String, Object>> inbox(String token, String brand) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Response deliverMeta(String path, byte[] body, String secret) {
        return given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + TribuSignature.hmacSha256Hex(secret, body))
                .body(body).when().post(path);
    }

    @Test
    void metaHandshakeAnswersTheChallengeOnlyWithTheVerifyToken() {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        ExtractableResponse<Response> channel = connect(admin, brand,
                Map.of("network", "facebook", "accountId", "104857162549213", "appSecret", APP_SECRET));
        String path = channel.path("callbackPath");
        String verifyToken = channel.path("verifyToken");

        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", verifyToken)
                .queryParam("hub.challenge", "1158201444")
                .when().get(path).then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .when().get(path).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void signedPageCommentsAndMessagesEnterTheInboxOnceAndForgeriesAreRefused() throws IOException {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String path = connect(admin, brand,
                Map.of("network", "facebook", "accountId", "104857162549213", "appSecret", APP_SECRET)).path("callbackPath");

        byte[] comment = recorded("facebook-feed-comment.json");
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + TribuSignature.hmacSha256Hex("wrong-secret-0000", comment))
                .body(comment).when().post(path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/bad-signature"));
        given().contentType(ContentType.JSON).body(comment).when().post(path).then().statusCode(401);
        assertEquals(0, inbox(cm, brand).size(), "a forged delivery stores nothing");

        deliverMeta(path, comment, APP_SECRET).then().statusCode(200).body("received", equalTo(1));
        deliverMeta(path, comment, APP_SECRET).then().statusCode(200); // Meta retries
        deliverMeta(path, recorded("facebook-messenger.json"), APP_SECRET).then().statusCode(200)
                .body("received", equalTo(1)); // the brand's own echo is not an interaction

        List<Map<String, Object>> items = inbox(cm, brand);
        assertEquals(2, items.size(), "the retried comment, the reaction, the other Page and the echo add no item");
        Map<String, Object> fbComment = items.stream().filter(i -> "comment".equals(i.get("kind"))).findFirst().orElseThrow();
        assertEquals("Julien Martin", fbComment.get("author"));
        assertEquals("facebook", fbComment.get("source"));
        assertEquals("Trois semaines que j'attends ma commande, personne ne répond. Inadmissible.", fbComment.get("text"));
        assertEquals("https://www.facebook.com/122100000000000001_987654321098765", fbComment.get("url"));
        assertEquals(Instant.ofEpochSecond(1763750520).toString(), Instant.parse((String) fbComment.get("publishedAt")).toString());
        Map<String, Object> message = items.stream().filter(i -> "direct-message".equals(i.get("kind"))).findFirst().orElseThrow();
        assertEquals("facebook:7412589630147852", message.get("author"));
        // The Page's echo after it is the brand's answer: the message is replied, its SLA clock stopped.
        assertEquals("replied", message.get("status"));
        assertEquals(Instant.ofEpochMilli(1763750610000L).toString(), message.get("firstResponseAt"));
        assertEquals("104857162549213_122100000000000001", fbComment.get("thread"));
        assertEquals("conversation:7412589630147852", message.get("thread"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox?thread=104857162549213_122100000000000001")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].kind", equalTo("comment"));
    }

    @Test
    void instagramCommentsComeThroughTheirAccountsChannel() throws IOException {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        String path = connect(admin, brand,
                Map.of("network", "instagram", "accountId", "17841400000000000", "appSecret", APP_SECRET)).path("callbackPath");
        deliverMeta(path, recorded("instagram-comment.json"), APP_SECRET).then().statusCode(200).body("received", equalTo(1));
        Map<String, Object> item = inbox(admin, brand).get(0);
        assertEquals("@lea.velo", item.get("author"));
        assertEquals("instagram", item.get("source"));
        assertEquals("Trop beau ce vélo, vous livrez à Lyon ?", item.get("text"));
        assertEquals("17900000000000000", item.get("thread"));
    }

    static Map<String, Object> item(String token, String brand, String externalId, String channelId) {
        UUID id = UUID.nameUUIDFromBytes((channelId + ":" + externalId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void pageEditsRemovalsAndTheBrandsOwnAnswersApplyToTheItems() throws IOException {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        ExtractableResponse<Response> channel = connect(admin, brand,
                Map.of("network", "facebook", "accountId", "104857162549213", "appSecret", APP_SECRET));
        String path = channel.path("callbackPath");
        String channelId = channel.path("id");
        String commentId = "122100000000000001_987654321098765";
        deliverMeta(path, recorded("facebook-feed-comment.json"), APP_SECRET).then().statusCode(200);

        // The Page answers the comment, and posts a comment of its own on the post: neither is a new item.
        byte[] reply = recorded("meta/fb-page-reply.json");
        deliverMeta(path, reply, APP_SECRET).then().statusCode(200)
                .body("received", equalTo(0)).body("brandReplies", equalTo(1)).body("ignored", equalTo(1));
        deliverMeta(path, reply, APP_SECRET).then().statusCode(200).body("brandReplies", equalTo(0));
        assertEquals(1, inbox(admin, brand).size());
        Map<String, Object> answered = item(admin, brand, commentId, channelId);
        assertEquals("replied", answered.get("status"));
        assertEquals(Instant.ofEpochSecond(1763750999).toString(), answered.get("firstResponseAt"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) answered.get("history");
        assertEquals(List.of("brand-replied"), history.stream().map(h -> h.get("change")).toList());
        assertEquals("Bonjour Julien, nous sommes désolés : votre commande part demain, un mail suit.", history.get(0).get("text"));
        List<String> audit = given().auth().oauth2(admin).when().get("/brands/" + brand + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("actor");
        assertEquals(List.of("facebook:104857162549213"), audit);

        byte[] edit = recorded("meta/fb-comment-edited.json");
        deliverMeta(path, edit, APP_SECRET).then().statusCode(200).body("edited", equalTo(1));
        deliverMeta(path, edit, APP_SECRET).then().statusCode(200).body("edited", equalTo(0)); // Meta retries
        Map<String, Object> edited = item(admin, brand, commentId, channelId);
        assertEquals("Commande reçue finalement, merci pour la réponse.", edited.get("text"));
        assertEquals("Trois semaines que j'attends ma commande, personne ne répond. Inadmissible.",
                ((List<Map<String, Object>>) edited.get("history")).get(1).get("previousText"));

        deliverMeta(path, recorded("meta/fb-photo-comment.json"), APP_SECRET).then().statusCode(200).body("received", equalTo(1));
        Map<String, Object> photo = item(admin, brand, "122100000000000001_555000111222333", channelId);
        assertEquals("", photo.get("text"));
        assertEquals(List.of("https://scontent.xx.fbcdn.net/v/t39.30808-6/photo_555000111222333.jpg"), photo.get("attachments"));
        deliverMeta(path, recorded("meta/messenger-image.json"), APP_SECRET).then().statusCode(200).body("received", equalTo(1));

        deliverMeta(path, recorded("meta/fb-unreadable.json"), APP_SECRET).then().statusCode(200)
                .body("received", equalTo(0)).body("unreadable.field",
                        equalTo(List.of("entry[0].changes[0].value.comment_id", "entry[0].changes[1].value.verb")));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("tribu_meta_unreadable_total{network=\"facebook\"}"), "unreadable parts counted");

        byte[] removal = recorded("meta/fb-comment-removed.json");
        deliverMeta(path, removal, APP_SECRET).then().statusCode(200).body("withdrawn", equalTo(1));
        deliverMeta(path, removal, APP_SECRET).then().statusCode(200).body("withdrawn", equalTo(0));
        deliverMeta(path, edit, APP_SECRET).then().statusCode(200).body("edited", equalTo(0)); // an edit after the deletion
        Map<String, Object> removed = item(admin, brand, commentId, channelId);
        assertEquals("withdrawn", removed.get("status"));
        assertEquals("", removed.get("text"));
        assertEquals("deleted-at-source", removed.get("withdrawnReason"));
        assertEquals(3, inbox(admin, brand).size(), "comment, photo comment, image message");
    }

    @Test
    void instagramLoginDeliveriesAndTheAccountsOwnRepliesAreRead() throws IOException {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        ExtractableResponse<Response> channel = connect(admin, brand,
                Map.of("network", "instagram", "accountId", "17841400000000000", "appSecret", APP_SECRET));
        String path = channel.path("callbackPath");
        deliverMeta(path, recorded("meta/ig-login-comment.json"), APP_SECRET).then().statusCode(200).body("received", equalTo(1));
        deliverMeta(path, recorded("meta/ig-login-own-reply.json"), APP_SECRET).then().statusCode(200)
                .body("received", equalTo(0)).body("brandReplies", equalTo(1));
        // An unsent message moderation never received changes nothing.
        deliverMeta(path, recorded("meta/ig-dm-deleted.json"), APP_SECRET).then().statusCode(200).body("withdrawn", equalTo(0));
        List<Map<String, Object>> items = inbox(admin, brand);
        assertEquals(1, items.size());
        assertEquals("Le cadre est garanti combien de temps ?", items.get(0).get("text"));
        assertEquals("replied", items.get(0).get("status"));
        assertEquals(Instant.ofEpochSecond(1763751900).toString(), items.get(0).get("firstResponseAt"));
    }

    @Test
    void genericDeliveriesAreSignedWithTimestampAndValidated() {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        ExtractableResponse<Response> channel = connect(admin, brand, Map.of("network", "generic"));
        String path = channel.path("callbackPath");
        String secret = channel.path("signingSecret");
        given().auth().oauth2(admin).when().get("/brands/" + brand + "/webhook-channels")
                .then().statusCode(200).body("[0].signingSecret", nullValue()).body("[0].network", equalTo("generic"));

        String review = "{\"id\":\"avis-88412\",\"kind\":\"review\",\"network\":\"trustpilot\",\"author\":\"Marie D.\","
                + "\"text\":\"Livraison rapide mais emballage abîmé.\",\"publishedAt\":\"2026-11-22T09:30:00Z\"}";
        long now = clock.instant().getEpochSecond();
        signed(path, secret, now, review).then().statusCode(200).body("received", equalTo(1));
        signed(path, secret, now, review).then().statusCode(200);
        signed(path, secret, now - 3600, review).then().statusCode(401)
                .body("detail", equalTo("X-Tribu-Timestamp is outside the 300 s replay window"));
        signed(path, secret, now, "{\"id\":\"x\",\"kind\":\"tweet\",\"publishedAt\":\"2026-11-22T09:30:00Z\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("text")).body("violations.field", hasItem("kind"));
        signed(path, secret, now, "{not json").then().statusCode(400).body("violations[0].field", equalTo("body"));

        List<Map<String, Object>> items = inbox(admin, brand);
        assertEquals(1, items.size());
        assertEquals("review", items.get(0).get("kind"));
        assertEquals("trustpilot", items.get(0).get("source"));
    }

    static Response signed(String path, String secret, long timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] signed = (timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON).header("X-Tribu-Timestamp", Long.toString(timestamp))
                .header("X-Tribu-Signature", "sha256=" + TribuSignature.hmacSha256Hex(secret, signed)).body(bytes).when().post(path);
    }

    @Test
    void channelsAreTheBrandsOwnAndCheckedOnSave() {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        String otherAgency = TestTokens.token("nord", "admin", brand);
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String id = connect(admin, brand, Map.of("network", "generic")).path("id");

        given().auth().oauth2(otherAgency).when().get("/brands/" + brand + "/webhook-channels")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(otherAgency).when().delete("/brands/" + brand + "/webhook-channels/" + id)
                .then().statusCode(404);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("network", "generic"))
                .when().post("/brands/" + brand + "/webhook-channels").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("network", "facebook", "appSecret", APP_SECRET))
                .when().post("/brands/" + brand + "/webhook-channels")
                .then().statusCode(400).body("violations.field", hasItem("accountId"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("network", "myspace"))
                .when().post("/brands/" + brand + "/webhook-channels")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("network"));

        given().auth().oauth2(admin).when().delete("/brands/" + brand + "/webhook-channels/" + id).then().statusCode(204);
        given().contentType(ContentType.JSON).body("{}").when().post("/webhooks/generic/" + id).then().statusCode(404);
    }

    @Test
    void aMetaDeliveryWithTextPostgresqlCannotStoreIsStoredRepairedAndTheRepairReported() throws IOException {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        String path = connect(admin, brand,
                Map.of("network", "facebook", "accountId", "104857162549213", "appSecret", APP_SECRET)).path("callbackPath");
        // Two Page comments in one delivery: the first with a NUL in its text and an unpaired surrogate in its
        // author's name (JSON escapes allow both), the second clean.
        String comment = "{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"%s\",\"name\":\"%s\"},\"message\":\"%s\","
                + "\"post_id\":\"104857162549213_1\",\"comment_id\":\"1_%s\",\"created_time\":1763750520,\"item\":\"comment\","
                + "\"parent_id\":\"104857162549213_1\",\"verb\":\"add\"}}";
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"104857162549213\",\"time\":1763750521,\"changes\":["
                + comment.formatted("61", "Julien \\ud83d", "Personne ne\\u0000 répond", "61") + ","
                + comment.formatted("62", "Léa", "Quatre semaines", "62") + "]}]}").getBytes(StandardCharsets.UTF_8);

        deliverMeta(path, body, APP_SECRET).then().statusCode(200)
                .body("received", equalTo(2))
                .body("repaired.field", hasItem("entry[0].changes[0].value.message"))
                .body("repaired.field", hasItem("entry[0].changes[0].value.from.name"))
                .body("repaired.find { it.field == 'entry[0].changes[0].value.message' }.message",
                        org.hamcrest.Matchers.containsString("NUL"));
        List<Map<String, Object>> items = inbox(admin, brand);
        assertEquals(2, items.size(), "both comments of the delivery are in the inbox");
        Map<String, Object> repaired = items.stream().filter(i -> ((String) i.get("text")).startsWith("Personne")).findFirst().orElseThrow();
        assertEquals("Personne ne\ufffd répond", repaired.get("text"));
        assertEquals("Julien \ufffd", repaired.get("author"));
        deliverMeta(path, body, APP_SECRET).then().statusCode(200); // Meta's retry adds nothing
        assertEquals(2, inbox(admin, brand).size());
    }

    @Test
    void aGenericDeliveryWithTextPostgresqlCannotStoreIsRefusedNamingTheField() {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        ExtractableResponse<Response> channel = connect(admin, brand, Map.of("network", "generic"));
        String path = channel.path("callbackPath");
        String secret = channel.path("signingSecret");
        long now = clock.instant().getEpochSecond();
        signed(path, secret, now, "{\"id\":\"avis-1\",\"text\":\"Nul\\u0000\",\"publishedAt\":\"2026-11-22T09:30:00Z\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/invalid-body"))
                .body("violations.field", equalTo(List.of("text")));
        signed(path, secret, now, "{\"id\":\"avis-2\",\"author\":\"\\udc00\",\"text\":\"Bien\",\"publishedAt\":\"2026-11-22T09:30:00Z\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("author")));
        signed(path, secret, now, "{\"id\":\"avis-3\",\"text\":12345,\"publishedAt\":\"2026-11-22T09:30:00Z\"}")
                .then().statusCode(400).body("violations.field", equalTo(List.of("text")));
        assertEquals(0, inbox(admin, brand).size(), "nothing stored from a refused delivery");
    }

    @Test
    void aRetriedConnectionWithItsIdempotencyKeyGetsTheSameChannelAndSecret() {
        String brand = freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("network", "generic"))
                .when().post("/brands/" + brand + "/webhook-channels").then().statusCode(201).extract();
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("network", "generic"))
                .when().post("/brands/" + brand + "/webhook-channels")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")))
                .body("signingSecret", equalTo(first.path("signingSecret")));
        given().auth().oauth2(admin).when().get("/brands/" + brand + "/webhook-channels")
                .then().statusCode(200).body("size()", equalTo(1));
        // The key is the agency's: another agency using the same one creates its own channel.
        given().auth().oauth2(TestTokens.token("nord", "admin", brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("network", "generic"))
                .when().post("/brands/" + brand + "/webhook-channels")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("id", not(equalTo(first.path("id"))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(300))
                .body(Map.of("network", "generic"))
                .when().post("/brands/" + brand + "/webhook-channels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }
}
