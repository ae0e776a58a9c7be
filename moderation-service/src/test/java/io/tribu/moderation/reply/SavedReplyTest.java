package io.tribu.moderation.reply;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.access.TestTokens;
import io.tribu.moderation.inbox.Interactions;
import io.tribu.moderation.outbox.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SavedReplyTest {

    static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String save(String token, String brand, String name, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "language", "fr", "text", text))
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aSavedReplyIsFilledInForAnInboxItem() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm);
        String reply = save(cm, brand, "retard-livraison",
                "Bonjour {{author}}, toute l'équipe {{brand}} est désolée. {{agent}}");

        given().auth().oauth2(cm).queryParam("itemId", item.toString())
                .when().get("/brands/" + brand + "/saved-replies/" + reply + "/rendered")
                .then().statusCode(200)
                .body("text", equalTo("Bonjour @julien@piaille.fr, toute l'équipe " + brand
                        + " est désolée. community-manager@soleil"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/saved-replies")
                .then().statusCode(200).body("name", hasItem("retard-livraison"));
    }

    @Test
    void aSavedReplyIsEditedInPlaceAgainstTheVersionItsEditorSaw() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String reply = save(cm, brand, "retard", "Bonjour {{author}}, désolés du retard.");
        save(cm, brand, "merci", "Merci {{author}} !");
        String path = "/brands/" + brand + "/saved-replies/" + reply;
        Map<String, String> edit = Map.of("name", "retard-livraison", "language", "fr", "text", "Bonjour {{author}}, {{agent}} regarde.");

        given().auth().oauth2(cm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                .when().put(path)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo(reply))
                .body("name", equalTo("retard-livraison"))
                .body("text", equalTo("Bonjour {{author}}, {{agent}} regarde."))
                .body("version", equalTo(1))
                .body("updatedAt", org.hamcrest.Matchers.notNullValue());
        // A second editor who still holds version 0 loses, and nothing changes.
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("If-Match", "0")
                .body(Map.of("name", "retard", "text", "Autre texte"))
                .when().put(path)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/precondition-failed"))
                .body("currentVersion", equalTo(1));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/saved-replies")
                .then().body("name", org.hamcrest.Matchers.contains("merci", "retard-livraison"))
                .body("find { it.id == '" + reply + "' }.version", equalTo(1));

        given().auth().oauth2(cm).contentType(ContentType.JSON).body(edit).when().put(path)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("If-Match", "v1").body(edit).when().put(path)
                .then().statusCode(400).body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("If-Match", "1")
                .body(Map.of("name", "merci", "text", "Doublon"))
                .when().put(path)
                .then().statusCode(400).body("violations.field", hasItem("name"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("If-Match", "1")
                .body(Map.of("name", "retard", "text", "Bonjour {{autor}}"))
                .when().put(path)
                .then().statusCode(400).body("violations.field", hasItem("text"));
        given().auth().oauth2(TestTokens.token("nord", "admin", brand)).contentType(ContentType.JSON)
                .header("If-Match", "1").body(edit).when().put(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .header("If-Match", "1").body(edit).when().put(path)
                .then().statusCode(403);
    }

    @Test
    void invalidRepliesAnswer400NamingTheField() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("name", "typo", "text", "Bonjour {{autor}}"))
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("text"))
                .body("detail", containsString("autor"));
        save(cm, brand, "merci", "Merci {{author}} !");
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("name", "merci", "text", "Encore merci"))
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(400).body("violations.field", hasItem("name"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("name", "", "text", ""))
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(400).body("violations.field", hasItem("name")).body("violations.field", hasItem("text"));
        String reply = save(cm, brand, "bonjour", "Bonjour {{author}}");
        given().auth().oauth2(cm).queryParam("itemId", "not-a-uuid")
                .when().get("/brands/" + brand + "/saved-replies/" + reply + "/rendered")
                .then().statusCode(400).body("violations.field", hasItem("itemId"));
    }

    @Test
    void accessRules() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String reply = save(cm, brand, "bonjour", "Bonjour {{author}}");
        given().when().get("/brands/" + brand + "/saved-replies").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "text", "y"))
                .when().post("/brands/" + brand + "/saved-replies").then().statusCode(403);
        String nord = TestTokens.token("nord", "admin", brand);
        given().auth().oauth2(nord).when().get("/brands/" + brand + "/saved-replies")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(nord).when().delete("/brands/" + brand + "/saved-replies/" + reply).then().statusCode(404);
        given().auth().oauth2(nord).queryParam("itemId", UUID.randomUUID().toString())
                .when().get("/brands/" + brand + "/saved-replies/" + reply + "/rendered").then().statusCode(404);
        given().auth().oauth2(cm).when().delete("/brands/" + brand + "/saved-replies/" + reply).then().statusCode(204);
    }

    @Test
    void aRetriedSaveWithItsIdempotencyKeyGetsTheFirstAnswerAndSavesOnce() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "merci", "language", "fr", "text", "Merci {{author}} !");
        var first = given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue()).extract();
        String id = first.path("id");
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(id));
        given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "merci-2", "text", "Merci !"))
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/idempotency-key-reused"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/saved-replies")
                .then().statusCode(200).body("id", equalTo(java.util.List.of(id)));
        // Without a key, the same request is a second save: refused here as a duplicate name.
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/saved-replies")
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
    }
}
