package io.tribu.publishing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.AsyncApiChecks;
import io.tribu.platform.testing.ObservabilityChecks;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

/** Health, metrics and OpenAPI as every service shows them (the platform's checks), with this service's channels. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    @Test
    void readinessIsTheDatabaseAndLivenessTheKafkaChannels() {
        ObservabilityChecks.readinessIsTheDatabaseAndLivenessTheKafkaChannels("outbox", "moderation-actions");
    }

    @Test
    void metricsArePrometheusText() {
        ObservabilityChecks.metricsArePrometheusText("kafka_producer_record_send_total", "sql_pool_usage_seconds");
    }

    @Test
    void openApiDescribesTheApi() {
        ObservabilityChecks.openApiDescribes("/brands/{brandId}/posts", "/brands/{brandId}/posts/{postId}");
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/brands/{brandId}/posts'.post.requestBody.content.'application/json'.examples", hasKey("Christmas Eve"));
    }

    @Test
    void asyncApiDocumentsEveryEventSchema() {
        AsyncApiChecks.documentsEveryEventSchema();
    }
}
