package io.tribu.analytics.outage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.ProxiedDatabase;
import io.tribu.platform.testing.TcpProxy;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The database goes away while the service runs (it started through the platform's {@link ProxiedDatabase}, which then cuts every
 * connection and refuses new ones): a request answers 503 problem+json with Retry-After, never a 500, and the
 * replica is no longer ready.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Profile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseDownTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.flyway.clean-at-start", "false");
            // Its own consumer group, from the end: this replica takes no partition nor event from the others.
            for (String channel : List.of("mentions", "decisions", "actions", "posts", "engagement")) {
                config.put("mp.messaging.incoming." + channel + ".group.id", "analytics-service-test-database-down");
                config.put("mp.messaging.incoming." + channel + ".auto.offset.reset", "latest");
            }
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class, Map.of("database", "analytics_test")));
        }
    }

    static boolean cut;

    @ProxiedDatabase.Proxy
    TcpProxy database;

    @BeforeEach
    void databaseGoesAway() throws IOException {
        if (cut) {
            return;
        }
        cut = true;
        // Up until now: the service started, migrated and answered through the proxy.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        database.stop();
    }

    @Test
    void aQueryAnswers503WithRetryAfter() {
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "5")
                .body("type", equalTo("https://tribu.io/problems/unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void theReplicaIsNotReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
