package io.tribu.moderation.inbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Decisions taken through an agent (the console's MCP server): the audit trail names it beside the user. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AgentDecisionTest {

    static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void theAuditTrailNamesTheAgentOfADecisionAndNoneOfTheOthers() {
        String brand = InboxTest.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID viaAgent = Interactions.receivedComment(events, "soleil", brand, cm);
        UUID direct = Interactions.receivedComment(events, "soleil", brand, cm);
        given().auth().oauth2(cm).header("X-Tribu-Agent", "MCP, client Claude").contentType(ContentType.JSON)
                .body(Map.of("action", "close", "reason", "answered elsewhere", "expectedVersion", 0))
                .post("/brands/" + brand + "/inbox/" + viaAgent + "/decisions")
                .then().statusCode(200).body("status", equalTo("closed"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "close", "expectedVersion", 0))
                .post("/brands/" + brand + "/inbox/" + direct + "/decisions")
                .then().statusCode(200);

        given().auth().oauth2(cm).get("/brands/" + brand + "/audit").then().statusCode(200)
                .body("find { it.itemId == '" + viaAgent + "' }.via", equalTo("MCP, client Claude"))
                .body("find { it.itemId == '" + viaAgent + "' }.actor", equalTo("community-manager@soleil"))
                .body("find { it.itemId == '" + direct + "' }.via", equalTo(null));
        given().auth().oauth2(cm).accept("text/csv").get("/brands/" + brand + "/audit?format=csv").then().statusCode(200)
                .body(containsString(",via")).body(containsString("MCP, client Claude"));
    }

    @Test
    void anAgentCannotLendTheUserARoleOrABrand() {
        String brand = InboxTest.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        UUID item = Interactions.receivedComment(events, "soleil", brand, cm);
        Map<String, Object> close = Map.of("action", "close", "expectedVersion", 0);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).header("X-Tribu-Agent", "MCP, client Claude")
                .contentType(ContentType.JSON).body(close)
                .post("/brands/" + brand + "/inbox/" + item + "/decisions").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nord", "community-manager", "biscuits-nord"))
                .header("X-Tribu-Agent", "MCP, client Claude").contentType(ContentType.JSON).body(close)
                .post("/brands/" + brand + "/inbox/" + item + "/decisions").then().statusCode(404);
        given().auth().oauth2(cm).header("X-Tribu-Agent", "a".repeat(201)).contentType(ContentType.JSON).body(close)
                .post("/brands/" + brand + "/inbox/" + item + "/decisions")
                .then().statusCode(400).body("violations[0].in", equalTo("header"));
        given().auth().oauth2(cm).get("/brands/" + brand + "/audit").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
