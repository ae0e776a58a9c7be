package io.tribu.publishing.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tribu.publishing.access.TestTokens;
import io.tribu.publishing.network.fake.FakeMastodon;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Issue 20: a channel says whether it works (token expiring, failing on a refused token) and its last failure. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChannelStatesTest {

    static final FakeMastodon MASTODON = new FakeMastodon();

    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
    }

    @Test
    void aRefusedTokenMakesTheChannelFailingUntilNewCredentials() {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                "credentials", Map.of("accessToken", "revoked-token")));
        String channel = listed(brand).getString("[0].id");
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/channels/" + channel)
                .then().statusCode(200).body("state", equalTo("connected")).body("lastFailure", nullValue());

        String post = brand.scheduled(Duration.ofSeconds(5), Map.of("mastodon", "Chocolat chaud " + UUID.randomUUID()));
        await().atMost(DeliveryTest.WAIT).until(() -> brand.status(post).equals("failed"));

        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/channels/" + channel)
                .then().statusCode(200)
                .body("state", equalTo("failing"))
                .body("lastFailure.postId", equalTo(post))
                .body("lastFailure.actionId", nullValue())
                .body("lastFailure.reason", containsString("reconnect the channel"))
                .body("lastFailure.at", org.hamcrest.Matchers.notNullValue());

        // New credentials end "failing"; the failure stays readable as the last one.
        given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                        "credentials", Map.of("accessToken", FakeMastodon.TOKEN)))
                .when().put("/brands/" + brand.id() + "/channels/" + channel)
                .then().statusCode(200).body("state", equalTo("connected")).body("lastFailure.postId", equalTo(post));

        // Another agency sees no such channel.
        given().auth().oauth2(TestTokens.token("lune", "admin", brand.id())).when()
                .get("/brands/" + brand.id() + "/channels/" + channel).then().statusCode(404);
    }

    @Test
    void aTokenThatCannotBeRefreshedIsExpiringWithinTheWindowThenDisconnected() {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant soon = now.plus(Duration.ofDays(3));
        brand.connect(Map.of("network", "facebook", "handle", "1000000001",
                "credentials", Map.of("accessToken", "page-token-a", "expiresAt", soon.toString())));
        brand.connect(Map.of("network", "facebook", "handle", "1000000002",
                "credentials", Map.of("accessToken", "page-token-b", "expiresAt", now.plus(Duration.ofDays(30)).toString())));
        brand.connect(Map.of("network", "facebook", "handle", "1000000003",
                "credentials", Map.of("accessToken", "page-token-c", "expiresAt", now.minus(Duration.ofHours(1)).toString())));
        brand.connect(Map.of("network", "facebook", "handle", "1000000004",
                "credentials", Map.of("accessToken", "page-token-d")));
        // X refreshes its 2-hour tokens on the first 401: a near expiry says nothing.
        brand.connect(Map.of("network", "x", "handle", "@cafelumiere", "credentials", Map.of("accessToken", "x-token",
                "refreshToken", "x-refresh", "clientId", "x-client", "expiresAt", now.plus(Duration.ofHours(2)).toString())));

        JsonPath channels = listed(brand);
        Map<String, String> states = new java.util.HashMap<>();
        for (int i = 0; i < 5; i++) {
            states.put(channels.getString("[" + i + "].handle"), channels.getString("[" + i + "].state"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("1000000001", "expiring", "1000000002", "connected",
                "1000000003", "disconnected", "1000000004", "connected", "@cafelumiere", "connected"), states);
        org.junit.jupiter.api.Assertions.assertEquals(soon, Instant.parse(channels.getString(
                "find { it.handle == '1000000001' }.tokenExpiresAt")));
        org.junit.jupiter.api.Assertions.assertNull(channels.getString("find { it.handle == '1000000004' }.tokenExpiresAt"));
    }

    private static JsonPath listed(DeliveryTest.Brand brand) {
        return given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/channels")
                .then().statusCode(200).extract().jsonPath();
    }
}
