package io.tribu.moderation.inbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.access.TestTokens;
import io.tribu.moderation.outbox.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** What the console's inbox reads besides the list: an item's history, the channels, counts under the list's filters. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxViewsTest {

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

    static void decide(String token, String brand, UUID item, Map<String, Object> decision) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision)
                .when().post("/brands/" + brand + "/inbox/" + item + "/decisions")
                .then().statusCode(200);
    }

    @Test
    void anItemsHistoryListsDecisionsNotesAndEditsWithWhoAndWhen() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm);
        decide(cm, brand, item, Map.of("action", "assign", "assignee", "community-manager@soleil", "expectedVersion", 0));
        decide(cm, brand, item, Map.of("action", "escalate", "reason", "client VIP", "expectedVersion", 1));
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) { // a retry with the same key adds nothing
            given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Map.of("text", "Client VIP, voir avec Camille")).when().post("/brands/" + brand + "/inbox/" + item + "/notes")
                    .then().statusCode(201).body("kind", equalTo("note")).body("actor", equalTo("community-manager@soleil"));
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("text", " "))
                .when().post("/brands/" + brand + "/inbox/" + item + "/notes")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("text"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .body(Map.of("text", "Vu")).when().post("/brands/" + brand + "/inbox/" + item + "/notes").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "admin", brand)).contentType(ContentType.JSON)
                .body(Map.of("text", "Vu")).when().post("/brands/" + brand + "/inbox/" + item + "/notes").then().statusCode(404);
        Instant editedAt = Instant.parse("2026-11-21T19:00:00Z");
        events.send("tribu.listening.mentions", brand, MentionEvents.updated(UUID.randomUUID(), item, "soleil", brand,
                "Trois semaines, toujours rien.", editedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(cm)
                .when().get("/brands/" + brand + "/inbox/" + item + "/history")
                .then().extract().jsonPath().getList("entries").size() == 4);

        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/inbox/" + item + "/history")
                .then().statusCode(200)
                .body("itemId", equalTo(item.toString()))
                .body("version", equalTo(3))
                // Oldest first by when it happened: the edit at the source is dated by the source, before the decisions.
                .body("entries.kind", contains("edited", "decision", "decision", "note"))
                .body("entries[0].at", equalTo("2026-11-21T19:00:00Z"))
                .body("entries[0].actor", nullValue())
                .body("entries[0].text", equalTo("Trois semaines que j'attends ma commande, personne ne répond. Inadmissible."))
                .body("entries[1].action", equalTo("assign"))
                .body("entries[1].actor", equalTo("community-manager@soleil"))
                .body("entries[1].assignee", equalTo("community-manager@soleil"))
                .body("entries[1].fromStatus", equalTo("new"))
                .body("entries[1].toStatus", equalTo("assigned"))
                .body("entries[2].action", equalTo("escalate"))
                .body("entries[2].reason", equalTo("client VIP"))
                .body("entries[3].actor", equalTo("community-manager@soleil"))
                .body("entries[3].text", equalTo("Client VIP, voir avec Camille"));
        // A note changes neither the status nor the version, and stays out of the item's source history.
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + item)
                .then().statusCode(200).body("status", equalTo("escalated")).body("history.change", contains("edited"));

        // Another agency's token naming the same brand, and an unknown item: 404 alike.
        given().auth().oauth2(TestTokens.token("nord", "admin", brand))
                .when().get("/brands/" + brand + "/inbox/" + item + "/history")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/" + UUID.randomUUID() + "/history")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", brand))
                .when().get("/brands/" + brand + "/inbox/" + item + "/history").then().statusCode(403);
        given().when().get("/brands/" + brand + "/inbox/" + item + "/history").then().statusCode(401);
    }

    @Test
    void countsFollowTheListsFiltersAndSourcesListTheChannels() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        Interactions.receivedComment(events, "soleil", brand, cm, "Livraison en retard, encore", "@marie@piaille.fr");
        Interactions.receivedComment(events, "soleil", brand, cm, "Super café ce matin", "@paul@piaille.fr");
        UUID other = Interactions.receivedComment(events, "soleil", brand, cm, "Où est ma LIVRAISON ?", "@zoe@piaille.fr");
        decide(cm, brand, other, Map.of("action", "close", "expectedVersion", 0));

        // The search and its counts agree: two items speak of "livraison", one new, one closed.
        given().auth().oauth2(cm).queryParam("q", "livraison").when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200).body("items.size()", equalTo(2));
        given().auth().oauth2(cm).queryParam("q", "livraison").when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200).body("new", equalTo(1)).body("closed", equalTo(1)).body("assigned", equalTo(0));
        given().auth().oauth2(cm).queryParam("q", "@paul").when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200).body("new", equalTo(1)).body("closed", equalTo(0));
        given().auth().oauth2(cm).queryParam("q", "100%_").when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200).body("new", equalTo(0));
        given().auth().oauth2(cm).queryParam("source", "bluesky").when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200).body("new", equalTo(0)).body("closed", equalTo(0));
        given().auth().oauth2(cm).queryParam("language", "fr").queryParam("sentiment", "negative")
                .when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(200).body("new", equalTo(2)).body("closed", equalTo(1));
        given().auth().oauth2(cm).queryParam("language", "en").when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(cm).queryParam("language", "french").when().get("/brands/" + brand + "/inbox/counts")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("language"));
        given().auth().oauth2(cm).queryParam("q", "x".repeat(201)).when().get("/brands/" + brand + "/inbox")
                .then().statusCode(400).body("violations.field", hasItem("q"));

        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/sources")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].source", equalTo("mastodon"))
                .body("[0].items", equalTo(3))
                .body("[0].newItems", equalTo(2));
        List<Object> nord = given().auth().oauth2(TestTokens.token("nord", "admin", brand))
                .when().get("/brands/" + brand + "/inbox/sources").then().statusCode(200).extract().jsonPath().getList("$");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), nord);
        given().auth().oauth2(TestTokens.token("nord", "admin", brand)).queryParam("q", "livraison")
                .when().get("/brands/" + brand + "/inbox/counts").then().statusCode(200).body("new", equalTo(0));
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", brand))
                .when().get("/brands/" + brand + "/inbox/sources").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("soleil", "admin", "another-brand"))
                .when().get("/brands/" + brand + "/inbox/sources").then().statusCode(404);
    }
}
