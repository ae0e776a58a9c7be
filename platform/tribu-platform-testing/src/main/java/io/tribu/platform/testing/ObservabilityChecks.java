package io.tribu.platform.testing;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every service's health, metrics and OpenAPI endpoints must show, checked against the running test service. */
public final class ObservabilityChecks {

    private ObservabilityChecks() {
    }

    /**
     * Readiness is what a replica can serve: the platform's {@code database} check, and no Kafka channel (writes go
     * through the outbox, so a broker outage takes no request away). Liveness lists every one of {@code channels}
     * (a channel's health entry starts with its name).
     */
    public static void readinessIsTheDatabaseAndLivenessTheKafkaChannels(String... channels) {
        JsonPath ready = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .extract().jsonPath();
        List<Map<String, Object>> messaging = ready.getList("checks.findAll { it.name.contains('Messaging') }");
        for (Map<String, Object> check : messaging) {
            Object data = check.get("data");
            assertTrue(data == null || ((Map<?, ?>) data).isEmpty(), () -> "Kafka channels in readiness: " + check);
        }
        Map<String, Object> live = given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().getMap("checks.find { it.name.contains('Messaging') }.data");
        for (String channel : channels) {
            assertTrue(live != null && live.keySet().stream().anyMatch(name -> name.startsWith(channel)),
                    () -> channel + " not in liveness: " + live);
        }
    }

    /** {@code /q/metrics} answers Prometheus text holding each of {@code metrics}. */
    public static void metricsArePrometheusText(String... metrics) {
        var answer = given().when().get("/q/metrics").then().statusCode(200);
        for (String metric : metrics) {
            answer.body(containsString(metric));
        }
    }

    /** {@code /q/openapi} describes each of {@code paths}. */
    public static void openApiDescribes(String... paths) {
        var answer = given().when().get("/q/openapi?format=json").then().statusCode(200);
        for (String path : paths) {
            answer.body("paths", hasKey(path));
        }
    }
}
