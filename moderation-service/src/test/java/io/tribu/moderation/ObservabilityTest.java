package io.tribu.moderation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    /** The Kafka channels of the service, as liveness lists them. */
    static final List<String> CHANNELS = List.of("mentions", "action-outcomes", "outbox", "mentions-dlq");

    @Test
    void readinessIsTheDatabaseAndLivenessKeepsTheKafkaChannels() {
        JsonPath ready = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .extract().jsonPath();
        // Kafka is not part of readiness: the messaging check, where it is listed, names no channel.
        List<Map<String, Object>> messaging = ready.getList("checks.findAll { it.name.contains('Messaging') }");
        for (Map<String, Object> check : messaging) {
            Object data = check.get("data");
            assertTrue(data == null || ((Map<?, ?>) data).isEmpty(), () -> "Kafka channels in readiness: " + check);
        }
        Map<String, Object> live = given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().getMap("checks.find { it.name.contains('Messaging') }.data");
        for (String channel : CHANNELS) {
            assertTrue(live.keySet().stream().anyMatch(name -> name.startsWith(channel)), () -> channel + " not in liveness: " + live);
        }
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_producer_record_send_total"))
                .body(containsString("sql_pool_usage_seconds"));
    }

    @Test
    void openApiDescribesTheInboxApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/brands/{brandId}/inbox"));
    }
}
