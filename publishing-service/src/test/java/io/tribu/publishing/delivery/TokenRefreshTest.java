package io.tribu.publishing.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.network.fake.FakeGraph;
import io.tribu.publishing.network.fake.FakeLinkedIn;
import io.tribu.publishing.network.fake.FakeX;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An expired OAuth token is refreshed, the new tokens are sealed into the channel, and the post goes out;
 * a Meta token close to its expiry is exchanged before the call.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TokenRefreshTest {

    static final FakeX X = FakeX.forTheService();
    static final FakeLinkedIn LINKEDIN = FakeLinkedIn.forTheService();
    static final FakeGraph GRAPH = FakeGraph.forTheService();

    @Inject
    ChannelService channels;
    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        X.close();
        LINKEDIN.close();
        GRAPH.close();
    }

    @Test
    void anExpiredXTokenIsRefreshedStoredSealedAndThePostPublished() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        String refresh = X.issueRefreshToken();
        brand.connect(Map.of("network", "x", "handle", "@cafelumiere",
                "credentials", Map.of("accessToken", "expired-x-token", "refreshToken", refresh, "clientId", FakeX.CLIENT_ID)));
        String post = brand.due(Map.of("x", "Chocolat chaud offert ce soir " + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).until(() -> brand.status(post).equals("published"));

        Stored stored = stored(brand.id());
        ChannelCredentials now = channels.credentialsOf(stored.id(), stored.sealed());
        assertTrue(X.accepts(now.accessToken()), "the refreshed token is the one stored");
        assertNotEquals(refresh, now.refreshToken(), "X rotated the refresh token; the new one is kept");
        assertEquals(FakeX.CLIENT_ID, now.clientId());
        assertTrue(now.expiresAt() != null);
        assertFalse(stored.sealed().contains(now.accessToken()), "sealed, never plaintext");
        String shown = io.restassured.RestAssured.given().auth().oauth2(brand.cm())
                .when().get("/brands/" + brand.id() + "/channels/" + stored.id())
                .then().statusCode(200).extract().path("tokenExpiresAt");
        assertEquals(now.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), java.time.Instant.parse(shown), "the view shows the refreshed token's expiry");
    }

    @Test
    void aRefusedRefreshFailsTheDeliveryAskingToReconnect() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "linkedin", "handle", FakeLinkedIn.ORGANIZATION,
                "credentials", Map.of("accessToken", "expired", "refreshToken", "revoked-refresh",
                        "clientId", FakeLinkedIn.CLIENT_ID, "clientSecret", FakeLinkedIn.CLIENT_SECRET)));
        String post = brand.due(Map.of("linkedin", "Nous recrutons " + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).until(() -> brand.status(post).equals("failed"));
        try (Connection db = DeliveryTest.database(); PreparedStatement query = db.prepareStatement(
                "select last_error from delivery where post_id = ?")) {
            query.setObject(1, UUID.fromString(post));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                String error = rows.getString(1);
                assertTrue(error.contains("reconnect the channel") && error.contains("refresh token was refused"), error);
            }
        }
    }

    @Test
    void aMetaTokenCloseToItsExpiryIsExchangedBeforePublishing() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "facebook", "handle", FakeGraph.PAGE,
                "credentials", Map.of("accessToken", FakeGraph.TOKEN, "expiresAt", clock.instant().plus(Duration.ofDays(2)).toString(),
                        "clientId", FakeGraph.APP_ID, "clientSecret", FakeGraph.APP_SECRET)));
        String post = brand.due(Map.of("facebook", "Galette des rois " + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).until(() -> brand.status(post).equals("published"));

        Stored stored = stored(brand.id());
        ChannelCredentials now = channels.credentialsOf(stored.id(), stored.sealed());
        assertNotEquals(FakeGraph.TOKEN, now.accessToken(), "exchanged for a new long-lived token");
        assertTrue(GRAPH.accepts(now.accessToken()));
        assertTrue(now.expiresAt().isAfter(clock.instant().plus(Duration.ofDays(59))), now.expiresAt().toString());
        assertEquals(FakeGraph.APP_SECRET, now.clientSecret());
    }

    @Test
    void aRefusedMetaExchangeStillPublishesWithTheWorkingToken() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "facebook", "handle", FakeGraph.PAGE,
                "credentials", Map.of("accessToken", FakeGraph.TOKEN, "expiresAt", clock.instant().plus(Duration.ofDays(2)).toString(),
                        "clientId", FakeGraph.APP_ID, "clientSecret", "revoked-secret")));
        String post = brand.due(Map.of("facebook", "Crêpes " + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).until(() -> brand.status(post).equals("published"));
        Stored stored = stored(brand.id());
        assertEquals(FakeGraph.TOKEN, channels.credentialsOf(stored.id(), stored.sealed()).accessToken());
    }

    record Stored(UUID id, String sealed) {
    }

    static Stored stored(String brand) throws Exception {
        try (Connection db = DeliveryTest.database(); PreparedStatement query = db.prepareStatement(
                "select id, credentials from channel where brand_id = ?")) {
            query.setString(1, brand);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Stored((UUID) rows.getObject(1), rows.getString(2));
            }
        }
    }
}
