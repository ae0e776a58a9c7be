package io.tribu.analytics.outage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Every answer of the API comes from the database, and alerts leave through the outbox: with Kafka out of reach a
 * replica still serves, so it stays ready; the channels stay in liveness (a channel that failed restarts the pod).
 */
@QuarkusTest
@TestProfile(KafkaDownTest.Profile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class KafkaDownTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            // Nothing listens on port 1: every Kafka client of the service keeps failing to connect.
            config.put("kafka.bootstrap.servers", "127.0.0.1:1");
            config.put("quarkus.flyway.clean-at-start", "false");
            return config;
        }
    }

    @Test
    void aReplicaWithoutKafkaStaysReadyAndServes() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/mention-volume")
                .then().statusCode(200);
    }

    @Test
    void theChannelsStayInLiveness() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.name", hasItem(containsString("Reactive Messaging")))
                .body("checks.name", not(hasItem(containsString("PostgreSQL"))));
    }
}
