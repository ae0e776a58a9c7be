package io.tribu.listening.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.listening.access.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ListeningQueryResourceTest {

    static String token(String role, String brand) {
        return TestTokens.token("soleil", role, brand);
    }

    static Map<String, Object> body(String name, String query, String subject, String competitor) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "query", query, "subject", subject));
        if (competitor != null) {
            body.put("competitor", competitor);
        }
        return body;
    }

    static String create(String brand, Map<String, Object> body) {
        return given().auth().oauth2(token("community-manager", brand)).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(201).header("Location", containsString("/brands/" + brand + "/queries/"))
                .body("id", notNullValue()).body("enabled", equalTo(true))
                .extract().path("id");
    }

    @Test
    void crudOfAQuery() {
        String brand = "query-crud";
        String id = create(brand, body("Marque FR", "(\"café lumière\" OR #cafelumiere) lang:fr", "brand", null));
        String competitorId = create(brand, body("Martin", "\"torréfaction martin\" NEAR/5 prix", "competitor",
                "Torréfaction Martin"));

        given().auth().oauth2(token("analyst", brand)).when().get("/brands/" + brand + "/queries")
                .then().statusCode(200).body("$", hasSize(2))
                .body("[0].subject", equalTo("brand")).body("[0].competitor", nullValue())
                .body("[1].subject", equalTo("competitor")).body("[1].competitor", equalTo("Torréfaction Martin"));

        Map<String, Object> changed = body("Marque FR+EN", "cafe* lumiere", "brand", null);
        changed.put("enabled", false);
        given().auth().oauth2(token("admin", brand)).contentType(ContentType.JSON).body(changed)
                .when().put("/brands/" + brand + "/queries/" + id)
                .then().statusCode(200).body("name", equalTo("Marque FR+EN")).body("enabled", equalTo(false));
        given().auth().oauth2(token("analyst", brand)).when().get("/brands/" + brand + "/queries/" + id)
                .then().statusCode(200).body("query", equalTo("cafe* lumiere")).body("enabled", equalTo(false));

        given().auth().oauth2(token("community-manager", brand)).when().delete("/brands/" + brand + "/queries/" + id)
                .then().statusCode(204);
        given().auth().oauth2(token("analyst", brand)).when().get("/brands/" + brand + "/queries/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("analyst", brand)).when().get("/brands/" + brand + "/queries")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(competitorId));
    }

    @Test
    void analystCannotWrite() {
        String brand = "query-roles";
        given().auth().oauth2(token("analyst", brand)).contentType(ContentType.JSON)
                .body(body("Marque", "lumiere", "brand", null))
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(403);
    }

    @Test
    void syntaxErrorsAnswer400WithPositionAndExpectation() {
        String brand = "query-invalid";
        given().auth().oauth2(token("community-manager", brand)).contentType(ContentType.JSON)
                .body(body("Cassée", "(café OR thé", "brand", null))
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("query"))
                .body("violations[0].message", containsString("at position 13: expected ')'"))
                .body("position", equalTo(13)).body("expected", equalTo("')'"))
                .body("offset", equalTo(12)).body("line", equalTo(1)).body("column", equalTo(13))
                .body("length", equalTo(0));
    }

    @Test
    void anExpressionIsCheckedWithoutBeingSaved() {
        String brand = "query-check";
        String analyst = token("analyst", brand);
        given().auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("query", "(\"café lumière\" OR #cafelumiere)\n  lang:fr NEAR/3 x"))
                .when().post("/brands/" + brand + "/queries/validate")
                .then().statusCode(200).body("valid", equalTo(false))
                .body("error.offset", equalTo(43)).body("error.line", equalTo(2)).body("error.column", equalTo(11))
                .body("error.length", equalTo(5)).body("error.position", equalTo(44))
                .body("error.expected", containsString("on each side of NEAR"))
                .body("error.message", containsString("NEAR only takes"));
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("query", "café AND"))
                .when().post("/brands/" + brand + "/queries/validate")
                .then().statusCode(200).body("valid", equalTo(false)).body("error.offset", equalTo(8))
                .body("error.length", equalTo(0));
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("query", "café NOT décaféiné"))
                .when().post("/brands/" + brand + "/queries/validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("error", nullValue());
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("query", ""))
                .when().post("/brands/" + brand + "/queries/validate")
                .then().statusCode(200).body("valid", equalTo(false)).body("error.position", equalTo(1));
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().post("/brands/" + brand + "/queries/validate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("query"));
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/queries")
                .then().statusCode(200).body("$", hasSize(0));
        given().contentType(ContentType.JSON).body(Map.of("query", "x"))
                .when().post("/brands/" + brand + "/queries/validate").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord")).contentType(ContentType.JSON)
                .body(Map.of("query", "x")).when().post("/brands/" + brand + "/queries/validate")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theGrammarIsThereForTheEditorsHelp() {
        String brand = "query-grammar";
        given().auth().oauth2(token("analyst", brand)).when().get("/brands/" + brand + "/queries/grammar")
                .then().statusCode(200)
                .body("operators.syntax", hasItem("a NEAR/n b")).body("fields.syntax", hasItem("lang:xx"))
                .body("precedence", containsString("NEAR, NOT, AND, OR")).body("examples", not(empty()));
        QueryGrammar.LANGUAGE.examples().forEach(QueryMatcher::check);
        QueryGrammar.LANGUAGE.operators().forEach(item -> QueryMatcher.check(item.example()));
        QueryGrammar.LANGUAGE.fields().forEach(item -> QueryMatcher.check(item.example()));
        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord"))
                .when().get("/brands/" + brand + "/queries/grammar")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void otherInvalidBodiesAnswer400NamingTheField() {
        String brand = "query-invalid-fields";
        String cm = token("community-manager", brand);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(body("Concurrent", "martin", "competitor", null))
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("competitor"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(body("Marque", "lumiere", "brand", "Martin"))
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(400).body("violations[0].field", equalTo("competitor"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(body("Marque", "lumiere", "self", null))
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(400).body("violations[0].field", equalTo("subject"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("name", "Vide", "subject", "brand"))
                .when().post("/brands/" + brand + "/queries")
                .then().statusCode(400).body("violations[0].field", equalTo("query"));
        String id = create(brand, body("Marque", "lumiere", "brand", null));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(body("Marque", "lumiere AND", "brand", null))
                .when().put("/brands/" + brand + "/queries/" + id)
                .then().statusCode(400).body("position", equalTo(12));
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheQueries() {
        String brand = "query-tenant";
        String id = create(brand, body("Marque", "lumiere", "brand", null));
        String other = TestTokens.token("nord", "admin", brand);
        given().auth().oauth2(other).when().get("/brands/" + brand + "/queries")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(other).when().get("/brands/" + brand + "/queries/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(body("Volé", "x", "brand", null))
                .when().put("/brands/" + brand + "/queries/" + id)
                .then().statusCode(404);
        given().auth().oauth2(other).when().delete("/brands/" + brand + "/queries/" + id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "admin", "another-brand"))
                .when().get("/brands/" + brand + "/queries")
                .then().statusCode(404);
        given().auth().oauth2(token("analyst", brand)).when().get("/brands/" + brand + "/queries/" + id)
                .then().statusCode(200).body("name", equalTo("Marque"));
    }
}
