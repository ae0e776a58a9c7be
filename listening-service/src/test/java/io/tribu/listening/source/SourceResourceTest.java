package io.tribu.listening.source;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SourceResourceTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere", "velo-vert");
    // Nothing listens on port 9: these sources exist only to be read, added and removed.
    static final Map<String, Object> FEED = Map.of("type", "rss", "url", "http://127.0.0.1:9/feed.xml");

    String add() {
        return given().auth().oauth2(CM).contentType(ContentType.JSON).body(FEED)
                .when().post("/brands/velo-vert/sources")
                .then().statusCode(201)
                .body("pollIntervalSeconds", equalTo(900))
                .body("ownedChannel", equalTo(false))
                .body("enabled", equalTo(true))
                .extract().path("id");
    }

    @Test
    void addListReadRemove() {
        String id = add();
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "velo-vert"))
                .when().get("/brands/velo-vert/sources")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(CM).when().delete("/brands/velo-vert/sources/" + id).then().statusCode(204);
        given().auth().oauth2(CM).when().get("/brands/velo-vert/sources/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidSourcesAnswer400NamingTheField() {
        given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "myspace", "url", "ftp://example.com/feed", "pollIntervalSeconds", 0))
                .when().post("/brands/velo-vert/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("type"))
                .body("violations.field", hasItem("url"))
                .body("violations.field", hasItem("pollIntervalSeconds"));
    }

    @Test
    void accessRules() {
        String id = add();
        given().contentType(ContentType.JSON).body(FEED).when().post("/brands/velo-vert/sources")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "velo-vert")).contentType(ContentType.JSON)
                .body(FEED).when().post("/brands/velo-vert/sources")
                .then().statusCode(403);
        String nordSameBrandId = TestTokens.token("nord", "admin", "velo-vert");
        given().auth().oauth2(nordSameBrandId).when().get("/brands/velo-vert/sources/" + id)
                .then().statusCode(404);
        given().auth().oauth2(nordSameBrandId).when().delete("/brands/velo-vert/sources/" + id)
                .then().statusCode(404);
        given().auth().oauth2(nordSameBrandId).when().get("/brands/velo-vert/sources")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
