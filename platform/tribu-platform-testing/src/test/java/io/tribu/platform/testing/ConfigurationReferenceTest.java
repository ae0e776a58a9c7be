package io.tribu.platform.testing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationReferenceTest {

    /** A small service's settings. */
    @ConfigMapping(prefix = "demo")
    interface DemoConfig {

        /** Where the feeds are read. */
        Feeds feeds();

        /** Base URL of each {@code partner}, by name. */
        Map<String, String> partners();

        /** An optional token (see {@link #feeds}). */
        Optional<String> token();

        interface Feeds {
            /** How often due feeds are looked for. */
            @WithDefault("5s")
            Duration pollTick();

            /** Largest feed read, in bytes: "a | b". */
            @WithName("max-bytes")
            @WithDefault("5242880")
            long maximum();
        }
    }

    @ConfigMapping(prefix = "demo")
    interface Undocumented {
        /** Documented. */
        @WithDefault("1")
        int one();

        @WithDefault("2")
        int two();
    }

    static ConfigurationReference reference() throws IOException {
        return ConfigurationReference.of(DemoConfig.class,
                Files.readString(Path.of("src/test/java/io/tribu/platform/testing/ConfigurationReferenceTest.java")));
    }

    static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void aServiceOverridesThePlatformsGroupsWithKnownKeysAndNewValues() throws IOException {
        ConfigurationReference platform = ConfigurationReference.keysOf(Undocumented.class);
        assertEquals(List.of("demo.one", "demo.two"), List.of(platform.groups()));
        ConfigurationReference feeds = ConfigurationReference.keysOf(DemoConfig.class);
        assertEquals(List.of("demo.feeds", "demo.partners", "demo.token"), List.of(feeds.groups()));

        assertEquals(List.of(), feeds.overrideProblems(properties("""
                demo.feeds.poll-tick=1s
                %test.demo.feeds.max-bytes=5242880
                other.key=x
                """)));
        assertEquals(List.of("demo.feeds.max-bytes=5242880: repeats DemoConfig's default",
                        "demo.feeds.pol-tick: no such key in DemoConfig"),
                feeds.overrideProblems(properties("""
                        demo.feeds.pol-tick=1s
                        demo.feeds.max-bytes=5242880
                        """)));
        assertThrows(AssertionError.class, () -> ConfigurationReference.of(Undocumented.class, "interface Undocumented {}"));
    }

    @Test
    void readsEveryKeyWithItsDefaultAndMeaning() throws IOException {
        Map<String, ConfigurationReference.Key> keys = reference().keys();
        assertEquals(List.of("demo.feeds.max-bytes", "demo.feeds.poll-tick", "demo.partners.*", "demo.token"), List.copyOf(keys.keySet()));
        assertEquals(new ConfigurationReference.Key("demo.feeds.poll-tick", "5s", "How often due feeds are looked for."),
                keys.get("demo.feeds.poll-tick"));
        assertEquals("Base URL of each `partner`, by name.", keys.get("demo.partners.*").meaning());
        assertEquals("An optional token (see feeds).", keys.get("demo.token").meaning());
    }

    @Test
    void aKeyWithoutJavadocIsRefused() {
        AssertionError refused = assertThrows(AssertionError.class, () -> ConfigurationReference.of(Undocumented.class,
                Files.readString(Path.of("src/test/java/io/tribu/platform/testing/ConfigurationReferenceTest.java"))));
        assertTrue(refused.getMessage().contains("[demo.two]"), refused.getMessage());
    }

    @Test
    void agreeingPropertiesPass() throws IOException {
        assertEquals(List.of(), reference().problems(properties("""
                demo.feeds.poll-tick=${DEMO_POLL_TICK:5s}
                %test.demo.feeds.poll-tick=1s
                demo.partners.east=${EAST_URL:http://localhost:1}
                demo.token=${DEMO_TOKEN}
                demo.outbox.batch-size=500
                quarkus.http.port=8081
                """), "demo.outbox"));
    }

    @Test
    void unknownKeysRepeatedDefaultsAndDisagreeingDefaultsFail() throws IOException {
        assertEquals(List.of(
                "%test.demo.feeds.poll-tik: no such key in DemoConfig",
                "demo.feeds.max-bytes=5242880: a plain value belongs in DemoConfig as its @WithDefault",
                "demo.feeds.poll-tick=${DEMO_POLL_TICK:15s}: its default is not DemoConfig's 5s",
                "demo.outbox.batch-size: no such key in DemoConfig"), reference().problems(properties("""
                demo.feeds.poll-tick=${DEMO_POLL_TICK:15s}
                %test.demo.feeds.poll-tik=1s
                demo.feeds.max-bytes=5242880
                demo.outbox.batch-size=500
                """)));
    }

    @Test
    void theTableListsEveryKeyWithItsVariableDefaultAndProfiles() throws IOException {
        assertEquals("""
                | key | environment | default | meaning |
                |---|---|---|---|
                | `demo.feeds.max-bytes` | `DEMO_FEEDS_MAX_BYTES` | `5242880` | Largest feed read, in bytes: "a \\| b". |
                | `demo.feeds.poll-tick` | `DEMO_POLL_TICK` | `5s` (test: `1s`) | How often due feeds are looked for. |
                | `demo.partners.*` | `EAST_URL` | `east`: `http://localhost:1`, `west`: `http://w` | Base URL of each `partner`, by name. |
                | `demo.token` | `DEMO_TOKEN` | none | An optional token (see feeds). |
                """, reference().table(properties("""
                demo.feeds.poll-tick=${DEMO_POLL_TICK:5s}
                %test.demo.feeds.poll-tick=1s
                demo.partners.east=${EAST_URL:http://localhost:1}
                demo.partners.west=http://w
                demo.token=${DEMO_TOKEN}
                """)));
    }

    @Test
    void aStaleReadmeTableFails() throws IOException {
        Path dir = Files.createTempDirectory("config-reference");
        Path properties = Files.writeString(dir.resolve("application.properties"), "demo.token=${DEMO_TOKEN}\n");
        Path readme = Files.writeString(dir.resolve("README.md"), "## Configuration\n" + ConfigurationReference.TABLE_START
                + "\n| key | environment | default | meaning |\n" + ConfigurationReference.TABLE_END + "\n");
        AssertionError stale = assertThrows(AssertionError.class, () -> reference().assertListedIn(readme, properties));
        assertTrue(stale.getMessage().contains("| `demo.feeds.poll-tick` | `DEMO_FEEDS_POLL_TICK` | `5s` |"), stale.getMessage());
        Files.writeString(readme, "## Configuration\n" + ConfigurationReference.TABLE_START + "\n"
                + reference().table(properties("demo.token=${DEMO_TOKEN}\n")) + ConfigurationReference.TABLE_END + "\n");
        reference().assertListedIn(readme, properties);
    }
}
