package io.tribu.platform.outbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outbox's settings ({@code tribu.outbox.*}). Defaults live once, in the platform's
 * {@code META-INF/microprofile-config.properties}; a service's application.properties overrides them.
 */
@ConfigMapping(prefix = "tribu.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service appends, e.g. {@code /tribu/moderation}. */
    String source();

    /** How often the relay looks for rows besides the wake-ups after commits (default 1s). */
    Duration pollInterval();

    /** Rows taken, sent and deleted per transaction and lane (default 500). */
    int batchSize();

    /**
     * Lanes relayed side by side, each named and given its topics (e.g. {@code tribu.outbox.lanes.actions=t1,t2}); every
     * other topic goes through the {@value OutboxRelay#DEFAULT_LANE} lane. None by default.
     */
    Map<String, List<String>> lanes();
}
