package io.tribu.platform.intake;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The intake's settings ({@code tribu.intake.*}). Defaults live once, in the platform's
 * {@code META-INF/microprofile-config.properties}; a service's application.properties overrides them.
 */
@ConfigMapping(prefix = "tribu.intake")
public interface IntakeConfig {

    /** Times a good event whose effect failed (the database away) is tried again before it is dead-lettered (5). */
    int retries();

    /** Wait before the first retry, doubled at each (200ms). */
    Duration backoff();

    /** Longest wait between two retries (5s). */
    Duration maxBackoff();
}
