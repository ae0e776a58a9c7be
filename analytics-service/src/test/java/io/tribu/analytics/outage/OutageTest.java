package io.tribu.analytics.outage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.ProxiedDatabase;
import io.tribu.platform.testing.TcpProxy;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * What a replica answers while a dependency is away, in one test service (a service of its own is a build and a
 * start, about 20 s of the module's tests): it runs against an unreachable Kafka and reaches PostgreSQL through the
 * platform's {@link ProxiedDatabase}, which the test then cuts.
 * <ul>
 *   <li>Kafka away: every answer of the API comes from the database, and alerts leave through the outbox, so the
 *   replica still serves and stays ready; the channels stay in liveness (a channel that failed restarts the pod).</li>
 *   <li>The database away (every connection cut, new ones refused): a request answers 503 problem+json with
 *   Retry-After, never a 500, and the replica is no longer ready.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(OutageTest.Profile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutageTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // Nothing listens on port 1: every Kafka client of the service keeps failing to connect.
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "quarkus.flyway.clean-at-start", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class, Map.of("database", "analytics_test")));
        }
    }

    @ProxiedDatabase.Proxy
    TcpProxy database;

    @Test
    void withKafkaAwayTheReplicaIsReadyAndServes_withTheDatabaseAwayItAnswers503AndIsNotReady() throws Exception {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(200);
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.name", hasItem(containsString("Reactive Messaging")))
                .body("checks.name", not(hasItem(containsString("PostgreSQL"))));

        // Up until now the service started, migrated and answered through the proxy.
        database.stop();
        try {
            given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                    .when().get("/brands/cafe-lumiere/mention-volume")
                    .then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://tribu.io/problems/unavailable"))
                    .body("status", equalTo(503));
            given().when().get("/q/health/ready")
                    .then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            database.start();
        }
    }
}
