package io.tribu.platform.time;

import io.quarkus.runtime.LaunchMode;
import io.tribu.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of a service: every rule that compares with "now" reads this bean, never
 * {@code Instant.now()} or SQL's {@code now()}.
 *
 * <p>{@code tribu.clock.offset} (ISO-8601 duration, e.g. {@code P365D}) moves it away from the wall
 * clock, so the whole test suite can be run as if it were a year later while PostgreSQL and Kafka stay
 * at real time. A production run refuses any offset: it exists for tests and local runs only.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(PlatformConfig config) {
        return clockFor(LaunchMode.current(), config.clock().offset());
    }

    static Clock clockFor(LaunchMode mode, Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("tribu.clock.offset is " + offset
                    + ": a production run reads the wall clock; the offset is for tests and local runs only");
        }
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
