package io.tribu.publishing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
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
