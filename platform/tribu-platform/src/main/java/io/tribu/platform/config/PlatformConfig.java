package io.tribu.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform library's own settings, the part of {@code tribu.*} it owns (outbox, intake, write retry, AsyncAPI
 * document, clock), with their defaults; a service's application.properties overrides them. Each service's
 * {@code ConfigurationTest} checks its properties against this mapping too, and platform/README.md's table of
 * settings is generated from it (its {@code PlatformConfigTest}).
 */
@ConfigMapping(prefix = "tribu")
public interface PlatformConfig {

    OutboxSettings outbox();

    IntakeSettings intake();

    WriteRetrySettings writeRetry();

    AsyncApiSettings asyncapi();

    ClockSettings clock();

    /** {@code tribu.outbox.*}: io.tribu.platform.outbox. */
    interface OutboxSettings {

        /** The CloudEvents `source` of every event the service appends, e.g. `/tribu/moderation`; each service names its own. */
        String source();

        /** How often the relay looks for rows besides the wake-ups after commits. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows a lane takes, sends and deletes per transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * Topics relayed in a lane of their own, side by side with the others (`tribu.outbox.lanes.actions=t1,t2`);
         * every other topic goes through the `default` lane.
         */
        Map<String, List<String>> lanes();
    }

    /** {@code tribu.intake.*}: io.tribu.platform.intake. */
    interface IntakeSettings {

        /** Times a good event whose effect failed (the database away) is tried again before it is dead-lettered. */
        @WithDefault("5")
        int retries();

        /** Wait before the first retry, doubled at each. */
        @WithDefault("200ms")
        Duration backoff();

        /** Longest wait between two retries. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    /** {@code tribu.write-retry.*}: io.tribu.platform.problem.WriteRetry. */
    interface WriteRetrySettings {

        /** Times a transaction PostgreSQL broke (deadlock, serialization failure) is run again before the 503. */
        @WithDefault("3")
        int retries();

        /** Wait before the first retry, doubled at each and jittered by half, so two losers do not collide again. */
        @WithDefault("20ms")
        Duration backoff();

        /** Longest wait between two retries. */
        @WithDefault("500ms")
        Duration maxBackoff();
    }

    /** {@code tribu.asyncapi.*}: io.tribu.platform.asyncapi. */
    interface AsyncApiSettings {

        /**
         * The events the service produces (`src/main/resources/events/<name>.schema.json`), from which `AsyncApiRoute`
         * builds `/q/asyncapi` at startup; none, no document.
         */
        Optional<List<String>> events();
    }

    /** {@code tribu.clock.*}: io.tribu.platform.time. */
    interface ClockSettings {

        /**
         * Moves the service's one `Clock` ahead of the wall clock (ISO-8601, e.g. `P365D`) for tests and local runs; a
         * production start refuses any other value than `PT0S`.
         */
        @WithDefault("PT0S")
        Duration offset();
    }
}
