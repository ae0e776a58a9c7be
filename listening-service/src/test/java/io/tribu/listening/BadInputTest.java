package io.tribu.listening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.BadInputProbe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Every operation of the service's own OpenAPI document gets the platform's catalogue of bad input:
 * no 5xx, every refusal problem+json naming the field, no bad input accepted, nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    static final List<String> COLLECTIONS = List.of("mentions", "sources", "alerts", "queries");

    @Test
    void everyOperationRefusesBadInputWithAProblemNamingTheFieldAndStoresNothing() {
        String brand = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("soleil", "admin", brand);
        // No skip and no accepted status: the webhook receiver answers 404 (problem+json) to the probe's random
        // source ids before it reads a body; its signed bodies are WebhookTest's.
        BadInputProbe.withToken(token)
                .pathValue("brandId", brand)
                .progress(System.out::println)
                .assertHolds();
        for (String collection : COLLECTIONS) {
            given().auth().oauth2(token).when().get("/brands/" + brand + "/" + collection)
                    .then().statusCode(200).body("size()", equalTo(0));
        }
    }

    /** Issue 18: a NUL answered 500 on mentions, queries and alerts (PostgreSQL refuses it); now 400 naming the field. */
    @Test
    void textPostgresqlCannotStoreIsRefusedNamingTheField() {
        String brand = "nul-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.token("soleil", "admin", brand);
        String[][] refused = {
                {"mentions", "{\"source\":\"rss\",\"text\":\"Caf\\u0000é\",\"publishedAt\":\"2026-11-20T10:00:00Z\"}", "text"},
                {"mentions", "{\"source\":\"rss\",\"text\":\"ok\",\"author\":\"\\udc00\",\"publishedAt\":\"2026-11-20T10:00:00Z\"}", "author"},
                {"mentions", "{\"source\":\"rss\",\"text\":\"ok\",\"publishedAt\":12345}", "publishedAt"},
                {"mentions", "{\"source\":\"rss\",\"text\":\"ok\",\"publishedAt\":\"+300000-01-01T00:00:00Z\"}", "publishedAt"},
                {"queries", "{\"name\":\"Marque\\u0000\",\"query\":\"lumière\",\"subject\":\"brand\"}", "name"},
                {"queries", "{\"name\":\"Marque\",\"query\":\"lumi\\u0000ère\",\"subject\":\"brand\"}", "query"},
                {"alerts", "{\"name\":\"Rappel\",\"type\":\"keyword\",\"keywords\":[\"ok\",\"rap\\u0000pel\"]}", "keywords[1]"},
                {"alerts", "{\"name\":\"Crise\",\"type\":\"negative-spike\",\"minMentions\":99999999999999999999}", "minMentions"},
                {"sources", "{\"type\":\"rss\",\"url\":\"https://blog.example.fr/\\u0000feed\"}", "url"},
                {"sources", "{\"type\":\"rss\",\"url\":\"https://exa^mple.fr/feed\"}", "url"}};
        for (String[] bad : refused) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(bad[1])
                    .when().post("/brands/" + brand + "/" + bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad[2]))
                    .body(not(containsString("java.")));
        }
        // a mapper that hands an exception on (null) reaches the next one: a 415 stays a 415 problem
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("du texte")
                .when().post("/brands/" + brand + "/mentions")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().patch("/brands/" + brand + "/mentions")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
        // and a bug is a 500 problem that tells nothing of the internals
        given().when().get("/test-only/failure")
                .then().statusCode(500).contentType("application/problem+json").body("status", equalTo(500))
                .body(not(containsString("internals")));
        for (String parameter : List.of("q", "source")) {
            given().auth().oauth2(token).urlEncodingEnabled(false).queryParam(parameter, "caf%00e")
                    .when().get("/brands/" + brand + "/mentions/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(parameter));
        }
        for (String collection : COLLECTIONS) {
            given().auth().oauth2(token).when().get("/brands/" + brand + "/" + collection)
                    .then().statusCode(200).body("size()", equalTo(0));
        }
    }
}
