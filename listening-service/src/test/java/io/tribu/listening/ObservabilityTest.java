package io.tribu.listening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    /**
     * Issue 18: readiness is what a replica can serve. Writes go through the outbox, so Kafka is not in it (a
     * replica keeps serving while the broker is away, OutageTest); the database is. The channels stay in liveness.
     */
    @Test
    void readinessIsTheDatabaseAndLivenessTheKafkaChannels() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body(not(containsString("outbox")))
                .body(not(containsString("ingest")));
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive Messaging")))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data.keySet()",
                        hasItems("outbox", "ingest", "ingest-rejected"));
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_producer_record_send_total"))
                .body(containsString("sql_pool_usage_seconds"));
    }

    @Test
    void openApiDescribesTheMentionsApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/brands/{brandId}/mentions"));
    }
}
