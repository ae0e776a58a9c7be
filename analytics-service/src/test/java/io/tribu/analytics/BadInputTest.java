package io.tribu.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.BadInputProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/**
 * Every operation of the service's own OpenAPI document gets the platform's catalogue of bad input:
 * no 5xx, every refusal problem+json naming the field, no bad input accepted.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @Test
    void everyOperationRefusesBadInputWithAProblemNamingTheField() {
        String brand = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        // A body over the server's limit is refused (413) as soon as its headers arrive: the probe asks first
        // (Expect: 100-continue) for its large bodies, so the 413 itself is read and checked.
        BadInputProbe.withToken(TestTokens.token("soleil", "admin", brand))
                .pathValue("brandId", brand)
                .progress(System.out::println)
                .assertHolds();
    }
}
