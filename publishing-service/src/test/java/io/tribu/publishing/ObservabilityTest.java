package io.tribu.publishing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    /**
     * Issue 18: readiness is what a replica can serve. Writes go through the outbox table, so a Kafka outage
     * delays events but takes no request away: the Kafka channels are in liveness only; the database stays
     * in readiness.
     */
    @Test
    void readinessCoversTheDatabaseAndLivenessTheKafkaChannels() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data", anyOf(nullValue(), not(hasKey("outbox"))))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data", anyOf(nullValue(), not(hasKey("moderation-actions"))));
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.find { it.name.contains('Reactive Messaging') }.data", hasKey("outbox"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data", hasKey("moderation-actions"));
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_producer_record_send_total"))
                .body(containsString("sql_pool_usage_seconds"));
    }

    @Test
    void openApiDescribesThePostsApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/brands/{brandId}/posts"))
                .body("paths", org.hamcrest.Matchers.hasKey("/brands/{brandId}/posts/{postId}"))
                .body("paths.'/brands/{brandId}/posts'.post.requestBody.content.'application/json'.examples",
                        org.hamcrest.Matchers.hasKey("Christmas Eve"));
    }
}
