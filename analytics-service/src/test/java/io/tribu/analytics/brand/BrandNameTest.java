package io.tribu.analytics.brand;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The name a brand is shown by: set per agency, shown by share of voice and the report instead of the id. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BrandNameTest {

    static String brand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void rename(String token, String brand, String body, int status) {
        given().auth().oauth2(token).contentType("application/json").body(body)
                .when().put("/brands/" + brand + "/name")
                .then().statusCode(status);
    }

    @Test
    void shareOfVoiceAndTheReportShowTheNameTheAgencyGaveTheBrand() {
        String brand = brand();
        String manager = TestTokens.token("soleil", "community-manager", brand);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        TestEvents.send("tribu.listening.mentions", brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T10:00:00Z", "positive", "a", 1L, "t",
                new MentionEvents.Query(UUID.randomUUID(), "Rivaux", "Grain d'Or")));
        TestEvents.send("tribu.listening.mentions", brand, MentionEvents.scored(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T11:00:00Z", "positive", "b", 1L, "t"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .when().get("/brands/" + brand + "/mention-volume").then().extract().jsonPath().getLong("total") == 2);
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/name")
                .then().statusCode(200).body("brandId", equalTo(brand)).body("name", nullValue());

        given().auth().oauth2(manager).contentType("application/json").body("{\"name\": \"  Café Lumière  \"}")
                .when().put("/brands/" + brand + "/name")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("brandId", equalTo(brand)).body("name", equalTo("Café Lumière"))
                .body("updatedBy", equalTo("community-manager@soleil")).body("updatedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/name")
                .then().statusCode(200).body("name", equalTo("Café Lumière"));

        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z")
                .when().get("/brands/" + brand + "/share-of-voice")
                .then().statusCode(200)
                .body("brandId", equalTo(brand))
                .body("voices.name", contains("Café Lumière", "Grain d'Or"));
        given().auth().oauth2(analyst)
                .queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-21T00:00:00Z").queryParam("lang", "en")
                .when().get("/brands/" + brand + "/report")
                .then().statusCode(200)
                .body(allOf(containsString("<h1>Brand report — Café Lumière</h1>"), containsString(">Café Lumière</text>")));

        // Set again: replaced.
        rename(manager, brand, "{\"name\": \"Lumière\"}", 200);
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/name").then().body("name", equalTo("Lumière"));
    }

    @Test
    void theNameBelongsToTheAgency() {
        String brand = brand();
        rename(TestTokens.token("soleil", "admin", brand), brand, "{\"name\": \"Café Lumière\"}", 200);
        // Another agency with a brand of the same id sees none of it, and its own name stays its own.
        given().auth().oauth2(TestTokens.token("nord", "analyst", brand)).when().get("/brands/" + brand + "/name")
                .then().statusCode(200).body("name", nullValue());
        rename(TestTokens.token("nord", "admin", brand), brand, "{\"name\": \"Biscuits du Nord\"}", 200);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).when().get("/brands/" + brand + "/name")
                .then().statusCode(200).body("name", equalTo("Café Lumière"));
        // A brand outside the token answers 404, on reads and writes.
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other")).when().get("/brands/" + brand + "/name")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        rename(TestTokens.token("soleil", "admin", "other"), brand, "{\"name\": \"x\"}", 404);
    }

    @Test
    void rolesAndBadInput() {
        String brand = brand();
        String admin = TestTokens.token("soleil", "admin", brand);
        given().when().get("/brands/" + brand + "/name").then().statusCode(401);
        given().contentType("application/json").body("{\"name\": \"x\"}").when().put("/brands/" + brand + "/name")
                .then().statusCode(401);
        // Analysts and client approvers read measures; they do not rename brands.
        rename(TestTokens.token("soleil", "analyst", brand), brand, "{\"name\": \"x\"}", 403);
        rename(TestTokens.token("soleil", "client-approver", brand), brand, "{\"name\": \"x\"}", 403);
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", brand)).when().get("/brands/" + brand + "/name")
                .then().statusCode(403);

        for (String body : new String[] {"{\"name\": \"   \"}", "{}", "{\"name\": \"" + "x".repeat(101) + "\"}",
                "{\"name\": \"Café\\nLumière\"}", "{\"name\": 12345}", "{\"name\": \"a\\u0000b\"}"}) {
            given().auth().oauth2(admin).contentType("application/json").body(body)
                    .when().put("/brands/" + brand + "/name")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("violations.field", hasItem("name"));
        }
        given().auth().oauth2(admin).contentType("text/plain").body("Café Lumière")
                .when().put("/brands/" + brand + "/name")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        // Nothing was stored from a refused request.
        given().auth().oauth2(admin).when().get("/brands/" + brand + "/name").then().body("name", nullValue());
        rename(admin, brand, "{\"name\": \"" + "x".repeat(100) + "\"}", 200);
    }
}
