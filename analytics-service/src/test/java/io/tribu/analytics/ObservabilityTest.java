package io.tribu.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    /** Readiness is what a replica needs to answer: the database. Kafka's absence is KafkaDownTest's. */
    @Test
    void readinessCoversTheDatabaseNotTheKafkaChannels() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data", not(hasKey("mentions")));
    }

    @Test
    void livenessCoversEveryKafkaChannel() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data.keySet()",
                        org.hamcrest.Matchers.hasItems("mentions", "decisions", "posts", "engagement", "outbox", "dead-letters"));
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_consumed_total"))
                .body(containsString("sql_pool_usage_seconds"));
    }

    @Test
    void openApiDescribesTheMentionsApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/brands/{brandId}/mention-volume"));
    }
}
