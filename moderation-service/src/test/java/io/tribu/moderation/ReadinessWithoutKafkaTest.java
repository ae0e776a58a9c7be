package io.tribu.moderation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A replica whose Kafka is unreachable still serves its API: it stays ready, and writes wait in the outbox. */
@QuarkusTest
@TestProfile(ReadinessWithoutKafkaTest.KafkaAway.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReadinessWithoutKafkaTest {

    public static class KafkaAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Nothing listens there: every Kafka client of the service keeps failing to connect.
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    @Test
    void withKafkaAwayTheReplicaStaysReadyAndTakesWrites() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.token("soleil", "admin", brand);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("firstResponseSlaMinutes", 30))
                .when().put("/brands/" + brand + "/sla").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "merci", "text", "Merci {{author}}"))
                .when().post("/brands/" + brand + "/saved-replies").then().statusCode(201);
    }
}
