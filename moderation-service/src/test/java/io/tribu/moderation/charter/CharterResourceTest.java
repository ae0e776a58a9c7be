package io.tribu.moderation.charter;

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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CharterResourceTest {

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

    static String doc(String text) {
        return text.replace('\'', '"');
    }

    static final String HIDE_INSULTS = doc("""
            {'timezone': 'Europe/Paris', 'topics': ['café'], 'rules': [
              {'id': 'hide-insults', 'name': 'Masquer les insultes', 'priority': 1,
               'when': {'label': {'name': 'insult', 'minScore': 0.6}}, 'then': [{'action': 'hide'}]}]}""");

    @Test
    void savingKeepsEveryVersion() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter").then().statusCode(404);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(HIDE_INSULTS)
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("savedBy", equalTo("community-manager@soleil"))
                .body("document.rules[0].id", equalTo("hide-insults"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(HIDE_INSULTS.replace("0.6", "0.8"))
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter")
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("document.rules[0].when.label.minScore", equalTo(0.8f));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter/versions")
                .then().statusCode(200).body("version", equalTo(List.of(2, 1)));
        // One version as written: two of them side by side are what changed.
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).when().get("/brands/" + brand + "/charter/versions/1")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("savedBy", equalTo("community-manager@soleil"))
                .body("document.rules[0].when.label.minScore", equalTo(0.6f));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter/versions/3")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter/versions/latest")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("nord", "admin", brand)).when().get("/brands/" + brand + "/charter/versions/1")
                .then().statusCode(404);
    }

    @Test
    void anInvalidCharterAnswers400PointingAtEachField() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String foreignReply = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(doc("""
                        {'rules': [{'id': 'a', 'name': 'A', 'when': {'label': {'name': 'insult', 'minScore': 2}},
                                    'then': [{'action': 'reply', 'savedReplyId': '%s'}]}]}""".formatted(foreignReply)))
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("rules[0].when.label.minScore", "rules[0].then[0].savedReplyId"))
                .body("violations.find { it.field == 'rules[0].then[0].savedReplyId' }.message",
                        containsString("not a saved reply of brand " + brand))
                .body("violations[0].in", equalTo("body"))
                .body("violations.pointer", hasItems("/rules/0/when/label/minScore", "/rules/0/then/0/savedReplyId"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("{\"rules\": ")
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("is not valid JSON (line 1"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("[1, 2]")
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(400).body("violations[0].message", containsString("JSON object"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter").then().statusCode(404);
    }

    @Test
    void aDryRunShowsWhatADraftWouldHaveDoneWithoutDoingIt() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID insult = Interactions.receivedComment(events, "soleil", brand, cm, "Espèce de connard, rendez l'argent", "@troll");
        Interactions.receivedComment(events, "soleil", brand, cm, "Merci pour le café, délicieux", "@lea");
        Interactions.receivedComment(events, "soleil", brand, cm, "Le café est froid, remboursez-moi", "@marc");

        given().auth().oauth2(cm).when().post("/brands/" + brand + "/charter/dry-run").then().statusCode(404);
        String draft = doc("""
                {'rules': [
                  {'id': 'hide-insults', 'name': 'Masquer', 'priority': 1, 'stopAfterMatch': true,
                   'when': {'label': {'name': 'insult'}}, 'then': [{'action': 'hide'}, {'action': 'tag', 'tags': ['insulte']}]},
                  {'id': 'refunds', 'name': 'Remboursements', 'priority': 2,
                   'when': {'keywords': ['rembourser', 'remboursez', 'rendez l argent']},
                   'then': [{'action': 'assign', 'assignee': 'camille'}]}]}""");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(draft)
                .when().post("/brands/" + brand + "/charter/dry-run?days=3")
                .then().statusCode(200)
                .body("charterVersion", nullValue())
                .body("evaluated", equalTo(3))
                .body("matched", equalTo(2))
                .body("rules.find { it.ruleId == 'hide-insults' }.matches", equalTo(1))
                .body("rules.find { it.ruleId == 'refunds' }.matches", equalTo(1))
                .body("actions.hide", equalTo(1))
                .body("actions.assign", equalTo(1))
                .body("items.find { it.itemId == '" + insult + "' }.rules", equalTo(List.of("hide-insults")))
                .body("items.find { it.itemId == '" + insult + "' }.currentStatus", equalTo("new"))
                // Per rule: what it would have done, with its own examples.
                .body("rules.find { it.ruleId == 'hide-insults' }.actions.hide", equalTo(1))
                .body("rules.find { it.ruleId == 'hide-insults' }.actions.tag", equalTo(1))
                .body("rules.find { it.ruleId == 'hide-insults' }.examples.itemId", equalTo(List.of(insult.toString())))
                .body("rules.find { it.ruleId == 'refunds' }.examples[0].excerpt", equalTo("Le café est froid, remboursez-moi"))
                .body("rules.find { it.ruleId == 'refunds' }.actions.assign", equalTo(1));
        // Nothing changed in the inbox.
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/inbox/counts").then().statusCode(200).body("new", equalTo(3));

        given().auth().oauth2(cm).contentType(ContentType.JSON).body(HIDE_INSULTS).when().put("/brands/" + brand + "/charter")
                .then().statusCode(200);
        given().auth().oauth2(cm).when().post("/brands/" + brand + "/charter/dry-run")
                .then().statusCode(200).body("charterVersion", equalTo(1)).body("matched", equalTo(1));
        given().auth().oauth2(cm).when().post("/brands/" + brand + "/charter/dry-run?days=400")
                .then().statusCode(400).body("violations[0].field", containsString("days"));
    }

    @Test
    void onlyTheBrandsOwnAgencySeesOrChangesItsCharter() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(HIDE_INSULTS).when().put("/brands/" + brand + "/charter")
                .then().statusCode(200);
        String otherAgency = TestTokens.token("nord", "admin", brand);
        given().auth().oauth2(otherAgency).when().get("/brands/" + brand + "/charter").then().statusCode(404);
        given().auth().oauth2(otherAgency).when().get("/brands/" + brand + "/charter/versions").then().statusCode(200)
                .body("", equalTo(List.of()));
        given().auth().oauth2(otherAgency).contentType(ContentType.JSON).body(HIDE_INSULTS)
                .when().put("/brands/" + brand + "/charter").then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter/versions").then().statusCode(200)
                .body("size()", equalTo(1));
        String unlisted = TestTokens.token("soleil", "admin", "another-brand");
        given().auth().oauth2(unlisted).when().get("/brands/" + brand + "/charter").then().statusCode(404);
        given().auth().oauth2(unlisted).when().get("/brands/" + brand + "/audit").then().statusCode(404);
        given().auth().oauth2(unlisted).when().post("/brands/" + brand + "/charter/dry-run").then().statusCode(404);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(HIDE_INSULTS)
                .when().put("/brands/" + brand + "/charter").then().statusCode(403);
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/audit?format=xml")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/audit").then().statusCode(200)
                .body("", equalTo(List.of()));
    }

    @Test
    void aDryRunWithoutABodyReplaysTheSavedCharterHoweverTheRequestIsWritten() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        Interactions.receivedComment(events, "soleil", brand, cm, "Espèce de connard", "@troll");
        String path = "/brands/" + brand + "/charter/dry-run";
        // No charter yet: 404 problem, whether the client sends a Content-Type or not.
        given().auth().oauth2(cm).when().post(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(cm).contentType(ContentType.JSON).when().post(path)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/not-found"));

        given().auth().oauth2(cm).contentType(ContentType.JSON).body(HIDE_INSULTS).when().put("/brands/" + brand + "/charter")
                .then().statusCode(200);
        given().auth().oauth2(cm).when().post(path).then().statusCode(200).body("charterVersion", equalTo(1)).body("matched", equalTo(1));
        given().auth().oauth2(cm).contentType(ContentType.JSON).when().post(path)
                .then().statusCode(200).body("charterVersion", equalTo(1)).body("matched", equalTo(1));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("  ").when().post(path + "?days=2")
                .then().statusCode(200).body("charterVersion", equalTo(1)).body("days", equalTo(2));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("{\"rules\": ").when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("is not valid JSON (line 1"));
        given().auth().oauth2(cm).when().post(path + "?days=abc")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("days"));
    }

    @Test
    void aTimezoneThatIsNotTextAnswers400NamingIt() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        for (String timezone : List.of("1", "[\"Europe/Paris\"]")) {
            String charter = "{\"timezone\": " + timezone + ", \"rules\": []}";
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(charter).when().put("/brands/" + brand + "/charter")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("timezone")));
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(charter).when().post("/brands/" + brand + "/charter/dry-run")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("timezone")));
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON).body("{\"rules\": [{\"id\": \"a\", \"name\": \"x\\u0000\", "
                        + "\"when\": {\"regex\": \"x\"}, \"then\": [{\"action\": \"hide\"}]}]}")
                .when().put("/brands/" + brand + "/charter")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("rules[0].name")));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/charter").then().statusCode(404);
    }
}
