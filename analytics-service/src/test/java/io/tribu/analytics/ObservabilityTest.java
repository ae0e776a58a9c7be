package io.tribu.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.AsyncApiChecks;
import io.tribu.platform.testing.ObservabilityChecks;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and OpenAPI as every service shows them (the platform's checks), with this service's channels. The
 * consumer lag per topic is {@code outage.ConsumerLagTest}'s.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservabilityTest {

    @Test
    void readinessIsTheDatabaseAndLivenessTheKafkaChannels() {
        ObservabilityChecks.readinessIsTheDatabaseAndLivenessTheKafkaChannels("mentions", "decisions", "actions", "posts", "engagement", "outbox", "dead-letters");
    }

    @Test
    void metricsArePrometheusText() {
        ObservabilityChecks.metricsArePrometheusText("kafka_consumer_fetch_manager_records_consumed_total", "sql_pool_usage_seconds");
    }

    @Test
    void openApiDescribesTheApi() {
        ObservabilityChecks.openApiDescribes("/brands/{brandId}/mention-volume");
    }

    @Test
    void asyncApiDocumentsEveryEventSchema() {
        AsyncApiChecks.documentsEveryEventSchema();
    }
}
