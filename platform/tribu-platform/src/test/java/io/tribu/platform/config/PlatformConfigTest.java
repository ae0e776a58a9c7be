package io.tribu.platform.config;

import io.tribu.platform.testing.ConfigurationReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * platform/README.md's table of settings is PlatformConfig's keys, defaults and meanings; rewrite it with
 * {@code -Dtest=PlatformConfigTest -Dconfiguration.write-readme=true}.
 */
class PlatformConfigTest {

    @Test
    void readmeListsEverySetting() {
        ConfigurationReference.of(PlatformConfig.class).assertListedIn(Path.of("../README.md"),
                Path.of("src/main/resources/META-INF/microprofile-config.properties"));
    }
}
