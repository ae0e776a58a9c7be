package io.tribu.platform.problem;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The write retry's settings ({@code tribu.write-retry.*}). Defaults live once, in the platform's
 * {@code META-INF/microprofile-config.properties}; a service's application.properties overrides them.
 */
@ConfigMapping(prefix = "tribu.write-retry")
public interface WriteRetryConfig {

    /** Times a transaction PostgreSQL broke (deadlock, serialization failure) is run again before the 503 (3). */
    int retries();

    /** Wait before the first retry, doubled at each and jittered by half, so two losers do not collide again (20ms). */
    Duration backoff();

    /** Longest wait between two retries (500ms). */
    Duration maxBackoff();
}
