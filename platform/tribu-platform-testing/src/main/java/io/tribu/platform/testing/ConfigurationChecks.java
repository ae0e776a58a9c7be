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
 * A service's configuration test: extend it, name the service's {@code @ConfigMapping} and the prefixes other
 * mappings own. Its application.properties then sets no key the mapping does not know nor repeats a default, and
 * the README's table of keys is written from the mapping. A {@code @QuarkusTest} subclass also calls
 * {@link #assertDefaultsAreConfigValues()}: expressions ({@code @Scheduled} intervals, a key naming another) see the
 * mapping's defaults.
 */
public abstract class ConfigurationChecks {

    protected static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

    /** The service's one configuration mapping. */
    protected abstract Class<?> mapping();

    /**
     * Prefixes of the platform library's own keys, which every service may set and its mapping does not declare: the
     * outbox's ({@code OutboxConfig}) and the AsyncAPI document's list of events. platform/README.md lists them.
     */
    static final List<String> PLATFORM_OWNED = List.of("tribu.outbox", "tribu.asyncapi", "tribu.clock");

    /** Prefixes of keys another of the service's classes reads, left out of the check besides the platform's. */
    protected String[] otherOwners() {
        return new String[0];
    }

    @Test
    void propertiesSetOnlyKnownKeysAndNoDefaultTwice() {
        List<String> owners = new ArrayList<>(PLATFORM_OWNED);
        owners.addAll(List.of(otherOwners()));
        ConfigurationReference.of(mapping()).assertAgreesWith(PROPERTIES, owners.toArray(String[]::new));
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
