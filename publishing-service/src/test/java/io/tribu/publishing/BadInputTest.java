package io.tribu.publishing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.BadInputProbe;
import io.tribu.publishing.access.TestTokens;
import io.tribu.publishing.post.Drafts;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18: every operation of the service's own OpenAPI document gets the platform's catalogue of bad
 * input (wrong types, NUL, lone surrogates, 1 MB strings, 100,000-item arrays, malformed, 11 MB and deeply
 * nested bodies, unreadable path and query values). No 5xx, every error problem+json, every 400 names the
 * field, nothing bad accepted.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    private static final Logger LOG = Logger.getLogger(BadInputTest.class);

    @Test
    void noOperationAcceptsBadInputOrFailsOnIt() throws Exception {
        String brand = Drafts.freshBrand();
        BadInputProbe.withToken(TestTokens.longLived("soleil", "admin", brand))
                .pathValue("brandId", brand)
                .progress(LOG::info)
                .assertHolds();
        // Nothing a refused request carried was stored.
        for (String table : List.of("post", "campaign", "channel")) {
            assertEquals(0, IdempotencyKeyTest.count(table, brand), table);
        }
    }
}
