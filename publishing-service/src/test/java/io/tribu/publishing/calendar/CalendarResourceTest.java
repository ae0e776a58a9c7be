package io.tribu.publishing.calendar;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.campaign.CampaignResourceTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.freshBrand;
import static io.tribu.publishing.post.Drafts.variant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CalendarResourceTest {

    static String post(String token, String brand, String plannedAt, List<String> tags, String campaignId) {
        Map<String, Object> body = draft(plannedAt, variant("mastodon", "Post du " + plannedAt));
        body.put("tags", tags);
        if (campaignId != null) {
            body.put("campaignId", campaignId);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");
    }

    @Test
    void groupsPostsByDayOfTheBrandsTimeZone() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        // 23:30 UTC on the 23rd is already the 24th in Paris (UTC+1 in December).
        String lateEvening = post(cm, brand, "2026-12-23T23:30:00Z", List.of("noel"), null);
        String eve = post(cm, brand, "2026-12-24T17:00:00Z", List.of("noel"), null);

        given().auth().oauth2(TestTokens.token("soleil", "client-approver", brand))
                .queryParam("from", "2026-12-23").queryParam("to", "2026-12-25").queryParam("lang", "fr")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("timezone", equalTo("Europe/Paris"))
                .body("from", equalTo("2026-12-22T23:00:00Z"))
                .body("to", equalTo("2026-12-24T23:00:00Z"))
                .body("days.date", equalTo(List.of("2026-12-24")))
                .body("days[0].posts.id", equalTo(List.of(lateEvening, eve)))
                .body("days[0].posts[0].localTime", equalTo("00:30:00"))
                .body("days[0].posts[1].networks", equalTo(List.of("mastodon")))
                .body("days[0].markers.key", equalTo(List.of("christmas-eve")))
                .body("days[0].markers[0].name", equalTo("Réveillon de Noël"));

        // The same posts seen from Montréal (tz override): two different days.
        given().auth().oauth2(cm)
                .queryParam("from", "2026-12-23").queryParam("to", "2026-12-25").queryParam("tz", "America/Montreal")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("timezone", equalTo("America/Montreal"))
                .body("days.date", equalTo(List.of("2026-12-23", "2026-12-24")))
                .body("days[0].posts[0].localTime", equalTo("18:30:00"));
    }

    @Test
    void theBrandsTimeZoneSettingCutsTheDays() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/settings")
                .then().statusCode(200).body("timezone", equalTo("Europe/Paris"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("timezone", "Asia/Tokyo"))
                .when().put("/brands/" + brand + "/settings")
                .then().statusCode(200).body("timezone", equalTo("Asia/Tokyo"));
        post(cm, brand, "2026-03-10T20:00:00Z", List.of(), null);   // 05:00 on the 11th in Tokyo

        given().auth().oauth2(cm).queryParam("from", "2026-03-10").queryParam("to", "2026-03-12")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("timezone", equalTo("Asia/Tokyo"))
                .body("days.date", equalTo(List.of("2026-03-11")))
                .body("days[0].posts[0].localTime", equalTo("05:00:00"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("timezone", "Mars/Olympus"))
                .when().put("/brands/" + brand + "/settings")
                .then().statusCode(400).body("violations.field", hasItem("timezone"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .body(Map.of("timezone", "Europe/Paris"))
                .when().put("/brands/" + brand + "/settings").then().statusCode(403);
    }

    @Test
    void filtersByCampaignAndTagAndListsOverlappingCampaigns() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String noel = CampaignResourceTest.create(cm, brand, "Noël", "2026-12-01", "2026-12-31");
        String inCampaign = post(cm, brand, "2026-12-10T09:00:00Z", List.of("chocolat"), noel);
        String tagged = post(cm, brand, "2026-12-11T09:00:00Z", List.of("vin-chaud", "marche"), null);
        post(cm, brand, "2026-12-12T09:00:00Z", List.of("autre"), null);

        given().auth().oauth2(cm).queryParam("from", "2026-12-01").queryParam("to", "2027-01-01")
                .queryParam("campaign", noel)
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("campaigns.id", equalTo(List.of(noel)))
                .body("days.posts.flatten().id", equalTo(List.of(inCampaign)));
        given().auth().oauth2(cm).queryParam("from", "2026-12-01").queryParam("to", "2027-01-01")
                .queryParam("tag", "marche").queryParam("tag", "chocolat")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("days.posts.flatten().id", equalTo(List.of(inCampaign, tagged)));
        given().auth().oauth2(cm).queryParam("campaign", "pas-un-id")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(400).body("violations.field", hasItem("campaign"));
    }

    @Test
    void seasonalMarkersFollowTheLanguage() {
        String brand = freshBrand();
        String analyst = TestTokens.token("soleil", "analyst", brand);
        given().auth().oauth2(analyst).header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5")
                .queryParam("from", "2026-11-01").queryParam("to", "2026-12-01")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("days.markers.flatten().key", equalTo(List.of("black-friday")))
                .body("days[0].date", equalTo("2026-11-27"))
                .body("days[0].markers[0].name", equalTo("Black Friday"));
        given().auth().oauth2(analyst).header("Accept-Language", "en")
                .queryParam("from", "2026-07-14").queryParam("to", "2026-07-15")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200).body("days[0].markers[0].name", equalTo("Bastille Day"));
        given().auth().oauth2(analyst).header("Accept-Language", "en").queryParam("lang", "fr")
                .queryParam("from", "2026-07-14").queryParam("to", "2026-07-15")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200).body("days[0].markers[0].name", equalTo("Fête nationale (14 juillet)"));
        given().auth().oauth2(analyst).queryParam("lang", "de")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(400).body("violations.field", hasItem("lang"));
        given().auth().oauth2(analyst).queryParam("tz", "+01:00")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(400).body("violations.field", hasItem("tz"));
    }

    @Test
    void anotherTenantSeesNothingOfTheBrand() {
        String brand = freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        post(cm, brand, "2026-12-10T09:00:00Z", List.of(), null);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("timezone", "Asia/Tokyo"))
                .when().put("/brands/" + brand + "/settings").then().statusCode(200);

        String intruder = TestTokens.token("lune", "admin", brand);
        given().auth().oauth2(intruder).queryParam("from", "2026-12-10").queryParam("to", "2026-12-11")
                .when().get("/brands/" + brand + "/calendar")
                .then().statusCode(200)
                .body("timezone", equalTo("Europe/Paris"))
                .body("days.posts.flatten()", hasSize(0));
        given().auth().oauth2(intruder).when().get("/brands/" + brand + "/settings")
                .then().statusCode(200).body("timezone", equalTo("Europe/Paris"));
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand"))
                .when().get("/brands/" + brand + "/calendar").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("soleil", "admin", "other-brand"))
                .when().get("/brands/" + brand + "/settings").then().statusCode(404);
        given().when().get("/brands/" + brand + "/calendar").then().statusCode(401);
    }
}
