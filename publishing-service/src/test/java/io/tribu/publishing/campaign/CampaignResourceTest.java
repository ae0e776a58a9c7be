package io.tribu.publishing.campaign;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.freshBrand;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
public class CampaignResourceTest {

    public static String create(String token, String brand, String name, String start, String end) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "color", "#C0392B", "startDate", start, "endDate", end))
                .when().post("/brands/" + brand + "/campaigns")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void createReadChangeListAndDelete() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String noel = create(cm, brand, "Noël 2026", "2026-12-01", "2026-12-31");
        String soldes = create(cm, brand, "Soldes d'hiver", "2027-01-13", "2027-02-09");

        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand))
                .when().get("/brands/" + brand + "/campaigns/" + noel)
                .then().statusCode(200)
                .body("name", equalTo("Noël 2026")).body("color", equalTo("#c0392b"))
                .body("startDate", equalTo("2026-12-01")).body("endDate", equalTo("2026-12-31"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("name", "Noël", "color", "#27ae60", "startDate", "2026-11-27", "endDate", "2026-12-31"))
                .when().put("/brands/" + brand + "/campaigns/" + noel)
                .then().statusCode(200).body("startDate", equalTo("2026-11-27")).body("name", equalTo("Noël"));
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/campaigns")
                .then().statusCode(200).body("id", equalTo(List.of(noel, soldes)));
        given().auth().oauth2(cm).queryParam("from", "2027-01-01").queryParam("to", "2027-01-31")
                .when().get("/brands/" + brand + "/campaigns")
                .then().statusCode(200).body("id", equalTo(List.of(soldes)));

        String post = given().auth().oauth2(cm).contentType(ContentType.JSON).body(inCampaign(noel))
                .when().post("/brands/" + brand + "/posts")
                .then().statusCode(201).body("campaignId", equalTo(noel)).extract().path("id");
        given().auth().oauth2(cm).when().delete("/brands/" + brand + "/campaigns/" + noel).then().statusCode(204);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/campaigns/" + noel).then().statusCode(404);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/" + post)
                .then().statusCode(200).body("campaignId", nullValue());
    }

    @Test
    void invalidCampaignsAnswer400NamingTheFields() {
        String brand = freshBrand();
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("name", "", "color", "red", "startDate", "2026-12-31", "endDate", "2026-12-01"))
                .when().post("/brands/" + brand + "/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("name", "color", "endDate"));
    }

    @Test
    void rolesAndTokensAreChecked() {
        String brand = freshBrand();
        given().when().get("/brands/" + brand + "/campaigns").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "color", "#000000", "startDate", "2026-12-01", "endDate", "2026-12-02"))
                .when().post("/brands/" + brand + "/campaigns").then().statusCode(403);
    }

    @Test
    void anotherTenantsCampaignIsNotFoundAndCannotBeUsed() {
        String brand = freshBrand();
        String mine = create(TestTokens.token("soleil", "community-manager", brand), brand, "Noël", "2026-12-01",
                "2026-12-31");
        String intruder = TestTokens.token("lune", "admin", brand);
        given().auth().oauth2(intruder).when().get("/brands/" + brand + "/campaigns/" + mine).then().statusCode(404);
        given().auth().oauth2(intruder).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "color", "#000000", "startDate", "2026-12-01", "endDate", "2026-12-02"))
                .when().put("/brands/" + brand + "/campaigns/" + mine).then().statusCode(404);
        given().auth().oauth2(intruder).when().delete("/brands/" + brand + "/campaigns/" + mine).then().statusCode(404);
        given().auth().oauth2(intruder).when().get("/brands/" + brand + "/campaigns").then().statusCode(200)
                .body("id", equalTo(List.of()));
        // A brand outside the token's claims answers 404.
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand"))
                .when().get("/brands/" + brand + "/campaigns").then().statusCode(404);
        // A post of the other tenant cannot name this campaign.
        given().auth().oauth2(intruder).contentType(ContentType.JSON).body(inCampaign(mine))
                .when().post("/brands/" + brand + "/posts")
                .then().statusCode(400).body("violations.field", hasItem("campaignId"));
    }

    static Map<String, Object> inCampaign(String campaignId) {
        Map<String, Object> body = Drafts.christmasEve();
        body.put("campaignId", campaignId);
        return body;
    }
}
