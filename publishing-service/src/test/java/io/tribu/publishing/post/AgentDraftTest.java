package io.tribu.publishing.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.christmasEve;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.variant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Drafts written through an agent (the console's MCP server): dry run, and the agent named in the history. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AgentDraftTest {

    static final String SOLEIL_CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");
    static final String SOLEIL_ANALYST = TestTokens.token("soleil", "analyst", "cafe-lumiere");
    static final String NORD_CM = TestTokens.token("nord", "community-manager", "biscuits-nord");

    @Test
    void theAgentIsNamedOnTheCreationLineBesideTheAuthor() {
        String id = given().auth().oauth2(SOLEIL_CM).header("X-Tribu-Agent", "MCP, client Claude")
                .contentType(ContentType.JSON).body(christmasEve())
                .post("/brands/cafe-lumiere/posts")
                .then().statusCode(201).body("status", equalTo("draft"))
                .extract().path("id");
        given().auth().oauth2(SOLEIL_CM).get("/brands/cafe-lumiere/posts/" + id + "/history")
                .then().statusCode(200)
                .body("action", equalTo(List.of("create")))
                .body("actor[0]", equalTo("community-manager@soleil"))
                .body("via[0]", equalTo("MCP, client Claude"));
        String own = given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON).body(christmasEve())
                .post("/brands/cafe-lumiere/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SOLEIL_CM).get("/brands/cafe-lumiere/posts/" + own + "/history")
                .then().statusCode(200).body("via[0]", nullValue());
    }

    @Test
    void aDryRunChecksTheNetworksRulesAndStoresNothing() {
        String before = given().auth().oauth2(SOLEIL_CM).get("/brands/cafe-lumiere/posts/unscheduled")
                .then().statusCode(200).extract().asString();
        given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON)
                .body(draft(null, variant("bluesky", "x".repeat(301))))
                .post("/brands/cafe-lumiere/posts?dryRun=true")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("variants[0].text"))
                .body("violations[0].message", containsString("300"));
        given().auth().oauth2(SOLEIL_CM).contentType(ContentType.JSON)
                .body(draft(null, variant("bluesky", "Un café ?")))
                .post("/brands/cafe-lumiere/posts?dryRun=true")
                .then().statusCode(200)
                .body("id", nullValue())
                .body("status", equalTo("draft"))
                .body("variants[0].text", equalTo("Un café ?"));
        given().auth().oauth2(SOLEIL_CM).get("/brands/cafe-lumiere/posts/unscheduled")
                .then().statusCode(200).body(equalTo(before));
    }

    @Test
    void aDryRunKeepsTheRoleAndBrandRules() {
        given().auth().oauth2(SOLEIL_ANALYST).contentType(ContentType.JSON).body(christmasEve())
                .post("/brands/cafe-lumiere/posts?dryRun=true").then().statusCode(403);
        given().auth().oauth2(NORD_CM).contentType(ContentType.JSON).body(christmasEve())
                .post("/brands/cafe-lumiere/posts?dryRun=true").then().statusCode(404);
    }

    @Test
    void anOverlongAgentNameIsABadRequestNamingTheHeader() {
        given().auth().oauth2(SOLEIL_CM).header("X-Tribu-Agent", "a".repeat(201)).contentType(ContentType.JSON)
                .body(christmasEve())
                .post("/brands/cafe-lumiere/posts")
                .then().statusCode(400)
                .body("violations[0].in", equalTo("header"));
    }
}
