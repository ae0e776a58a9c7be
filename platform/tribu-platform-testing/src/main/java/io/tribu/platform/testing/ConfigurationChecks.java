package io.tribu.platform.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's configuration test: extend it and name the service's {@code @ConfigMapping}. Its application.properties
 * then sets no key the mapping does not know (the platform's own keys aside) nor repeats a default, and
 * the README's table of keys is written from the mapping. A {@code @QuarkusTest} subclass also calls
 * {@link #assertDefaultsAreConfigValues()}: expressions ({@code @Scheduled} intervals, a key naming another) see the
 * mapping's defaults.
 */
public abstract class ConfigurationChecks {

    protected static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

    /** The service's one configuration mapping. */
    protected abstract Class<?> mapping();

    /**
     * The platform library's mapping ({@code io.tribu.platform.config.PlatformConfig}) when the service runs the
     * platform: its groups ({@code tribu.outbox}, {@code tribu.clock}...) are then checked against it rather than
     * against the service's mapping. None by default (the console), so that a platform key there is refused.
     */
    protected Class<?> platformMapping() {
        return null;
    }

    @Test
    void propertiesSetOnlyKnownKeysAndNoDefaultTwice() {
        Class<?> platform = platformMapping();
        if (platform == null) {
            ConfigurationReference.of(mapping()).assertAgreesWith(PROPERTIES);
            return;
        }
        ConfigurationReference platformKeys = ConfigurationReference.keysOf(platform);
        ConfigurationReference.of(mapping()).assertAgreesWith(PROPERTIES, platformKeys.groups());
        platformKeys.assertOverriddenIn(PROPERTIES);
    }

    @Test
    void readmeListsEveryKey() {
        ConfigurationReference.of(mapping()).assertListedIn(Path.of("README.md"), PROPERTIES);
    }

    /** Every default of the mapping that no profile overrides is what the running service's Config answers. */
    protected void assertDefaultsAreConfigValues() {
        Properties properties = ConfigurationReference.read(PROPERTIES);
        Config config = ConfigProvider.getConfig();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (ConfigurationReference.Key key : ConfigurationReference.of(mapping()).keys().values()) {
            boolean set = properties.stringPropertyNames().stream()
                    .anyMatch(p -> p.equals(key.name()) || (p.startsWith("%") && p.endsWith("." + key.name())));
            if (key.defaultValue() != null && !set) {
                expected.add(key.name() + "=" + key.defaultValue());
                actual.add(key.name() + "=" + config.getConfigValue(key.name()).getValue());
            }
        }
        assertEquals(expected, actual);
    }
}
