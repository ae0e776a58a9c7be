package io.tribu.platform.testing;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

    /**
     * The consumers' lag as the chart's TribuConsumerLagGrowing alert reads it: the Kafka client's
     * {@code kafka_consumer_fetch_manager_records_lag} with a {@code topic} label, for each of {@code topics}, once
     * the consumer has its partitions (waits up to 60 s for the assignment).
     */
    public static void consumerLagPerTopic(String... topics) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> missing;
        do {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            missing = List.of(topics).stream().filter(topic -> !Pattern.compile(
                    "(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"")
                    .matcher(metrics).find()).toList();
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        fail("no kafka_consumer_fetch_manager_records_lag with topic label for " + missing);
    }
}
