package io.tribu.analytics.outage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.ObservabilityChecks;
import org.junit.jupiter.api.Test;

/**
 * A consumer that stops reading shows as lag on its topic: the metric the consumer-lag alert reads, one series per
 * topic the service consumes.
 * <p>
 * Micrometer's Kafka binder adds a partition's lag meters on its refresh, a minute after it bound the consumer (the
 * partitions are assigned after that bind). Run early, this check waited for that minute (35 s of the module's
 * tests when ObservabilityTest, among the first classes, checked it); here, with the default test service, it runs
 * once the classes before it have taken most of that minute. It still waits for the meters as long as they need.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsumerLagTest {

    @Test
    void consumerLagIsMeasuredPerTopicAsTheAlertReadsIt() throws InterruptedException {
        ObservabilityChecks.consumerLagPerTopic("tribu.listening.mentions", "tribu.moderation.decisions",
                "tribu.publishing.posts", "tribu.publishing.engagement");
    }
}
