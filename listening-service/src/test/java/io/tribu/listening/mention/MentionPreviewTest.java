package io.tribu.listening.mention;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.listening.access.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A query expression tried over the last days before it is saved: what it matches, bounded, the tenant's only. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionPreviewTest {

    @Inject
    Clock clock;

    String record(String brand, String text, Duration ago) {
        return given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("source", "rss", "text", text, "publishedAt", clock.instant().minus(ago).toString()))
                .when().post("/brands/" + brand + "/mentions")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> preview(String query, Integer days) {
        Map<String, Object> body = new HashMap<>(Map.of("query", query));
        if (days != null) {
            body.put("days", days);
        }
        return body;
    }

    @Test
    void anUnsavedExpressionListsWhatItWouldHaveMatchedOverTheLastDays() {
        String brand = "preview-velo";
        String analyst = TestTokens.token("soleil", "analyst", brand);
        String newest = record(brand, "Le vélo cargo de Vélo Vert est livré en retard, service client injoignable",
                Duration.ofHours(2));
        String older = record(brand, "Livraison rapide du vélo, merci Vélo Vert", Duration.ofDays(3));
        record(brand, "Une livraison de vélo il y a longtemps", Duration.ofDays(12));
        record(brand, "Rien à voir : une recette de crêpes", Duration.ofDays(1));
        record(brand, "Vélo Vert recrute un mécanicien, offre d'emploi", Duration.ofDays(2));
        String query = "(vélo OR velo) (livraison OR livré) NOT emploi";

        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(preview(query, null))
                .when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(200).body("days", equalTo(7)).body("count", equalTo(2))
                .body("scanned", equalTo(4)).body("complete", equalTo(true))
                .body("items.id", contains(newest, older)).body("items[0].source", equalTo("rss"));
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(preview(query, 30))
                .when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(200).body("count", equalTo(3)).body("scanned", equalTo(5));
        given().auth().oauth2(analyst).when().get("/brands/" + brand + "/queries")
                .then().statusCode(200).body("$", empty());

        // another agency: nothing of this brand's mentions, and a brand not in its token is not found
        given().auth().oauth2(TestTokens.token("nord", "analyst", brand)).contentType(ContentType.JSON)
                .body(preview(query, 30)).when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(200).body("count", equalTo(0)).body("items", empty());
        given().auth().oauth2(TestTokens.token("nord", "admin", "biscuits-nord")).contentType(ContentType.JSON)
                .body(preview(query, 30)).when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(preview(query, 30))
                .when().post("/brands/" + brand + "/mentions/preview").then().statusCode(401);
    }

    @Test
    void badInputIsNamedAndASyntaxErrorSaysWhere() {
        String brand = "preview-bad";
        String cm = TestTokens.token("soleil", "community-manager", brand);
        for (Object days : List.of(0, 31, "sept")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("query", "vélo", "days", days))
                    .when().post("/brands/" + brand + "/mentions/preview")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(containsString("days")));
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("days", 3))
                .when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(400).body("violations.field", hasItem(containsString("query")));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(preview("vélo AND\n(cargo", 3))
                .when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("query")).body("offset", equalTo(15))
                .body("line", equalTo(2)).body("column", equalTo(7)).body("expected", equalTo("')'"));
    }

    @Test
    void aPreviewReadsAtMostItsRowBoundAndSaysSo() {
        String brand = "preview-bound";
        for (int i = 0; i < 53; i++) {
            record(brand, "Sortie vélo numéro " + i, Duration.ofMinutes(10 + i));
        }
        given().auth().oauth2(TestTokens.token("soleil", "analyst", brand)).contentType(ContentType.JSON)
                .body(Map.of("query", "vélo", "days", 1, "limit", 5))
                .when().post("/brands/" + brand + "/mentions/preview")
                .then().statusCode(200).body("scanned", equalTo(50)).body("count", equalTo(50))
                .body("complete", equalTo(false)).body("items.size()", equalTo(5));
    }
}
