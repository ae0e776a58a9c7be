package io.tribu.moderation.config;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.ConfigurationReference;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ModerationConfig is the one declaration of the service's {@code tribu.*} settings: application.properties sets no
 * key it does not know nor repeats its defaults, and the README's table is written from it.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConfigurationTest {

    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    static final ConfigurationReference REFERENCE = ConfigurationReference.of(ModerationConfig.class);

    @Test
    void propertiesSetOnlyKnownKeysAndNoDefaultTwice() {
        REFERENCE.assertAgreesWith(PROPERTIES, "tribu.outbox");
    }

    @Test
    void readmeListsEveryKey() {
        REFERENCE.assertListedIn(Path.of("README.md"), PROPERTIES);
    }

    /** Expressions (a {@code @Scheduled} interval, a key that names another) see the mapping's defaults. */
    @Test
    void theMappingsDefaultsAreConfigValues() {
        assertEquals("60", ConfigProvider.getConfig().getConfigValue("tribu.moderation.default-first-response-sla-minutes").getValue());
        assertEquals("tribu.moderation.decisions", ConfigProvider.getConfig().getConfigValue("mp.messaging.outgoing.outbox.topic").getValue());
    }
}
