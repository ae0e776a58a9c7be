package io.tribu.listening.config;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.config.PlatformConfig;
import io.tribu.platform.testing.ConfigurationChecks;
import org.junit.jupiter.api.Test;

/**
 * ListeningConfig is the one declaration of the service's {@code tribu.*} settings: application.properties sets no key it
 * does not know nor repeats its defaults, and the README's table is written from it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConfigurationTest extends ConfigurationChecks {

    @Override
    protected Class<?> mapping() {
        return ListeningConfig.class;
    }

    @Override
    protected Class<?> platformMapping() {
        return PlatformConfig.class;
    }

    @Test
    void theMappingsDefaultsAreConfigValues() {
        assertDefaultsAreConfigValues();
    }
}
