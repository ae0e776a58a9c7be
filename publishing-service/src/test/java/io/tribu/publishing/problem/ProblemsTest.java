package io.tribu.publishing.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Every error is problem+json, a database outage included (issue 18). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProblemsTest {

    @Test
    void aDatabaseOutageAnswers503WithRetryAfterAndABugA500ThatTellsNothing() {
        given().when().get("/test-only/outage")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("type", equalTo("https://tribu.io/problems/unavailable"));
        given().when().get("/test-only/failure")
                .then().statusCode(500).contentType("application/problem+json").body("status", equalTo(500))
                .body(not(containsString("internals")));
    }

    @Test
    void statusesWithoutABodyOfTheirOwnAreProblemsToo() {
        String brand = Drafts.freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        // 406: the calendar feed is text/calendar only; this answered an empty 204
        given().auth().oauth2(admin).accept("application/json").when().get("/brands/" + brand + "/calendar.ics")
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
        // 415 and 405
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("un texte")
                .when().post("/brands/" + brand + "/posts")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .when().patch("/brands/" + brand + "/posts")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
        // unreadable JSON still names where it breaks, and bad text names its field
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/brands/" + brand + "/posts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("line 1"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"title\": \"Caf\\u0000e\", \"variants\": [{\"network\": \"mastodon\", \"text\": \"x\"}]}")
                .when().post("/brands/" + brand + "/posts")
                .then().statusCode(400).body("violations.field", hasItem("title"));
    }

    /** Found by the probe: the time module read 12345 as an instant; year 300000 reached PostgreSQL (a 500). */
    @Test
    void instantsAndDatesAreIsoStringsPostgresqlCanStore() {
        String brand = Drafts.freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        for (String plannedAt : new String[] {"12345", "1.5", "\"12345\"", "\"+300000-01-01T00:00:00Z\"", "[2026, 12, 24]"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"title\": \"Noël\", \"plannedAt\": " + plannedAt
                            + ", \"variants\": [{\"network\": \"mastodon\", \"text\": \"x\"}]}")
                    .when().post("/brands/" + brand + "/posts")
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("plannedAt"));
        }
        for (String endDate : new String[] {"12345", "[2026, 12, 31]", "\"+300000-01-01\""}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"Noël\", \"color\": \"#c0392b\", \"startDate\": \"2026-12-01\", \"endDate\": " + endDate + "}")
                    .when().post("/brands/" + brand + "/campaigns")
                    .then().statusCode(400).body("violations.field", hasItem("endDate"));
        }
        given().auth().oauth2(admin).when().get("/brands/" + brand + "/campaigns").then().statusCode(200).body("size()", equalTo(0));
    }
}
