package io.tribu.listening.source.mastodon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Reading back, when a Mastodon stream (re)connects, the recent statuses of its source, to apply the edits and
 * deletions made while it was down (they are announced only on the stream). {@code tribu.sources.mastodon.reconcile.*};
 * its turn comes every {@code tribu.sources.mastodon.reconcile-tick} (5 s).
 */
@ConfigMapping(prefix = "tribu.sources.mastodon.reconcile")
public interface ReconcileConfig {

    /** Reconcile on every (re)connection of a stream. */
    @WithDefault("true")
    boolean enabled();

    /** Only statuses published this long before the (re)connection, at most. */
    @WithDefault("24h")
    Duration window();

    /** At most this many of the source's newest statuses per (re)connection. */
    @WithDefault("1000")
    int maxStatuses();

    /** Status ids per request of {@code GET /api/v1/statuses?id[]=} (Mastodon answers at most 20). */
    @WithDefault("20")
    int batchSize();

    /** Requests of the instance's rate limit (X-RateLimit-Remaining) left to polling: reconciliation waits below. */
    @WithDefault("60")
    int rateLimitReserve();

    /** Pause between two requests of one reconciliation. */
    @WithDefault("1s")
    Duration pause();
}
