package io.tribu.moderation.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 28: a Trustpilot-style review site mapped onto the generic signed webhook (kind review, the site as network,
 * the stars as rating) enters the inbox with its rating, which the inbox filters on; stars on anything but a review, or
 * out of 1–5, are refused naming rating.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewWebhookTest {

    @Inject
    Clock clock;

    @Test
    void aTrustpilotReviewMappedOntoTheGenericWebhookKeepsItsStars() {
        String brand = WebhookChannelTest.freshBrand();
        String admin = TestTokens.token("soleil", "admin", brand);
        ExtractableResponse<Response> channel = WebhookChannelTest.connect(admin, brand, Map.of("network", "generic"));
        String path = channel.path("callbackPath");
        String secret = channel.path("signingSecret");
        long now = clock.instant().getEpochSecond();
        String publishedAt = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        // The mapping of a Trustpilot "service-review-created" notification (docs: docs/moderation.md, Interactions pushed by the networks).
        String review = "{\"id\":\"tp-6412c8e1f0a9\",\"kind\":\"review\",\"network\":\"trustpilot\",\"author\":\"Marie D.\","
                + "\"text\":\"Colis arrivé ouvert. Service client injoignable.\",\"rating\":1,"
                + "\"url\":\"https://fr.trustpilot.com/reviews/6412c8e1f0a9\",\"publishedAt\":\"" + publishedAt + "\","
                + "\"thread\":\"cafe-lumiere.fr\"}";
        WebhookChannelTest.signed(path, secret, now, review).then().statusCode(200).body("received", equalTo(1));
        WebhookChannelTest.signed(path, secret, now, review.replace("tp-6412c8e1f0a9", "tp-77").replace("\"rating\":1", "\"rating\":5")
                .replace("Colis arrivé ouvert. Service client injoignable.", "Parfait")).then().statusCode(200);

        List<Map<String, Object>> low = given().auth().oauth2(admin).when().get("/brands/" + brand + "/inbox?rating=1,2")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, low.size());
        assertEquals("review", low.get(0).get("kind"));
        assertEquals("trustpilot", low.get(0).get("source"));
        assertEquals(1, low.get(0).get("rating"));

        for (String bad : List.of(
                "{\"id\":\"c1\",\"kind\":\"comment\",\"text\":\"x\",\"rating\":2,\"publishedAt\":\"" + publishedAt + "\"}",
                "{\"id\":\"c2\",\"text\":\"x\",\"rating\":3,\"publishedAt\":\"" + publishedAt + "\"}",
                "{\"id\":\"r6\",\"kind\":\"review\",\"text\":\"x\",\"rating\":6,\"publishedAt\":\"" + publishedAt + "\"}",
                "{\"id\":\"r0\",\"kind\":\"review\",\"text\":\"x\",\"rating\":0,\"publishedAt\":\"" + publishedAt + "\"}",
                "{\"id\":\"rs\",\"kind\":\"review\",\"text\":\"x\",\"rating\":\"4\",\"publishedAt\":\"" + publishedAt + "\"}",
                "{\"id\":\"rf\",\"kind\":\"review\",\"text\":\"x\",\"rating\":4.5,\"publishedAt\":\"" + publishedAt + "\"}")) {
            WebhookChannelTest.signed(path, secret, now, bad).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("rating"));
        }
        assertEquals(2, WebhookChannelTest.inbox(admin, brand).size(), "nothing stored of the refused deliveries");
    }
}
