package io.tribu.publishing.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 1 of issue 18: a channel's base URL chose where its tokens went. Run as production is configured,
 * with no private network allowed for channels, so the local fakes on loopback are internal addresses here.
 */
@QuarkusTest
@TestProfile(ChannelUrlGuardTest.OnlyPublicAddresses.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChannelUrlGuardTest {

    public static class OnlyPublicAddresses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tribu.channels.allowed-private-networks", "");
        }
    }

    /** A public address, allowed when saved; nothing is ever sent to it (its channels are re-pointed first). */
    static final String PUBLIC = "https://93.184.215.14";

    static final FakeMastodon MASTODON = new FakeMastodon();
    static final FakeBluesky BLUESKY = new FakeBluesky();

    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
        BLUESKY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999", "http://127.0.0.1:55432", "http://169.254.169.254", "http://[::1]:8083",
            "http://localhost:8083", "http://10.0.0.7"})
    void anInternalAddressIsRefusedWhenTheChannelIsSavedAndNothingIsStored(String internal) {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        for (String network : List.of("mastodon", "bluesky")) {
            Map<String, Object> credentials = network.equals("mastodon") ? Map.of("accessToken", "secret-token")
                    : Map.of("identifier", "cafe.bsky.social", "appPassword", "secret-app-password");
            given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                    .body(Map.of("network", network, "handle", "@cafe", "baseUrl", internal, "credentials", credentials))
                    .when().post("/brands/" + brand.id() + "/channels")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://tribu.io/problems/refused-url"))
                    .body("violations[0].field", equalTo("baseUrl"))
                    .body("violations[0].message", containsString("internal address"));
        }
        String id = given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "@cafe", "baseUrl", PUBLIC, "credentials", Map.of("accessToken", "t")))
                .when().post("/brands/" + brand.id() + "/channels").then().statusCode(201).extract().path("id");
        given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                .body(Map.of("network", "mastodon", "handle", "@cafe", "baseUrl", internal))
                .when().put("/brands/" + brand.id() + "/channels/" + id)
                .then().statusCode(400).body("type", equalTo("https://tribu.io/problems/refused-url"))
                .body("violations[0].field", equalTo("baseUrl"));
        given().auth().oauth2(brand.cm()).when().get("/brands/" + brand.id() + "/channels")
                .then().statusCode(200).body("", hasSize(1)).body("[0].baseUrl", equalTo(PUBLIC));
    }

    @Test
    void networksWithOneApiHostTakeTheOperatorsAndNoOther() {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        var config = ConfigProvider.getConfig();
        Map<String, String> operators = Map.of("x", config.getValue("tribu.networks.x-url", String.class),
                "linkedin", config.getValue("tribu.networks.linkedin-url", String.class),
                "facebook", config.getValue("tribu.networks.meta-url", String.class),
                "instagram", config.getValue("tribu.networks.meta-url", String.class));
        operators.forEach((network, api) -> {
            given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                    .body(Map.of("network", network, "handle", "h-" + network, "baseUrl", PUBLIC,
                            "credentials", Map.of("accessToken", "secret-token")))
                    .when().post("/brands/" + brand.id() + "/channels")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("baseUrl"))
                    .body("violations[0].message", containsString("must be left out for " + network));
            given().auth().oauth2(brand.cm()).contentType(ContentType.JSON)
                    .body(Map.of("network", network, "handle", "h-" + network, "credentials", Map.of("accessToken", "secret-token")))
                    .when().post("/brands/" + brand.id() + "/channels")
                    .then().statusCode(201).body("baseUrl", equalTo(api));
        });
    }

    @Test
    void aChannelWhoseHostTurnsInternalAfterSavingGetsNoCredentials() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", PUBLIC,
                "credentials", Map.of("accessToken", FakeMastodon.TOKEN)));
        brand.connect(Map.of("network", "bluesky", "handle", FakeBluesky.IDENTIFIER, "baseUrl", PUBLIC,
                "credentials", Map.of("identifier", FakeBluesky.IDENTIFIER, "appPassword", FakeBluesky.APP_PASSWORD)));
        // What a DNS change does after the check at save: the channel's host now leads to a loopback address,
        // where a fake network records whatever reaches it.
        try (Connection db = DeliveryTest.database(); PreparedStatement update = db.prepareStatement(
                "update channel set base_url = case network when 'mastodon' then ? else ? end where brand_id = ?")) {
            update.setString(1, MASTODON.baseUrl());
            update.setString(2, BLUESKY.baseUrl());
            update.setString(3, brand.id());
            assertEquals(2, update.executeUpdate());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("mastodon", "Chocolat chaud offert ce soir");
        texts.put("bluesky", "Chocolat chaud offert ce soir");
        String post = brand.due(texts);

        await().atMost(DeliveryTest.WAIT).until(() -> brand.status(post).equals("failed"));
        for (Map<String, Object> delivery : DeliveryTest.deliveries(post)) {
            assertEquals("failed", delivery.get("state"), delivery.toString());
            String reason = (String) delivery.get("last_error");
            assertTrue(reason.contains("refused to call 127.0.0.1") && reason.contains("no credentials were sent"), reason);
        }
        assertEquals(List.of(), MASTODON.received(), "nothing reached the Mastodon fake");
        assertEquals(List.of(), BLUESKY.received(), "nothing reached the Bluesky fake");
    }
}
