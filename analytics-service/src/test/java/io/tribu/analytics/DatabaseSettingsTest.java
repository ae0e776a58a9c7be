package io.tribu.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the service's own connections (the reactive pool every request uses) set up in PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseSettingsTest {

    @Inject
    Pool pool;

    @Test
    void queriesRunWithoutJitCompilation() {
        String jit = pool.query("show jit").execute().await().indefinitely().iterator().next().getString(0);
        assertEquals("off", jit);
    }
}
