package io.tribu.analytics.period;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Query parameters the platform's probe does not try: readable values out of what the service can compute with.
 * Each answers 400 problem+json naming the parameter, never a 500 from the database or the date arithmetic.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueryParametersTest {

    static final String TOKEN = TestTokens.token("soleil", "analyst", "cafe-lumiere");
    static final List<String> MEASURES = List.of("mention-volume", "mention-volume/breakdown?by=source", "sentiment",
            "sentiment/breakdown?by=query", "sentiment/drivers", "share-of-voice", "authors", "crisis",
            "moderation/response-times", "moderation/decisions", "engagement", "engagement/posts",
            "engagement/breakdown?by=tag", "best-time", "best-slots", "report");

    static void refused(String measure, Map<String, String> query, String field) {
        given().auth().oauth2(TOKEN).queryParams(query)
                .when().get("/brands/cafe-lumiere/" + measure)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://tribu.io/problems/invalid-parameter"))
                .body("violations.field", hasItem(field))
                .body("violations.in", hasItem("query"));
    }

    @Test
    void instantsBeyondTheYear9999OrBefore1970() {
        for (String measure : MEASURES) {
            refused(measure, Map.of("from", "+999999-01-01T00:00:00Z"), "from");
            refused(measure, Map.of("to", "+999999-01-02T00:00:00Z"), "to");
            refused(measure, Map.of("from", "1969-12-31T00:00:00Z", "to", "1970-01-02T00:00:00Z"), "from");
        }
        refused("sentiment", Map.of("from", "9999-12-01T00:00:00Z", "to", "+10000-01-01T00:00:00Z"), "to");
    }

    @Test
    void numbersThatAreNotPlainDecimals() {
        for (String sensitivity : List.of("NaN", "Infinity", "4d", "0x1p2", "1e400")) {
            refused("crisis", Map.of("sensitivity", sensitivity), "sensitivity");
        }
        refused("crisis", Map.of("minimumMentions", "10.5"), "minimumMentions");
        refused("best-slots", Map.of("count", "99999999999999999999"), "count");
    }

    @Test
    void idsThatAreNotCanonicalUuids() {
        refused("engagement", Map.of("channelId", "1-2-3-4-5"), "channelId");
    }

    @Test
    void aFormatOtherThanCsvOrJson() {
        refused("authors", Map.of("format", "xml"), "format");
        given().auth().oauth2(TOKEN).queryParam("format", "json").queryParam("from", "2026-11-01T00:00:00Z")
                .queryParam("to", "2026-11-02T00:00:00Z")
                .when().get("/brands/cafe-lumiere/authors")
                .then().statusCode(200).contentType(startsWith("application/json"));
    }
}
