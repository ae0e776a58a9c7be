package io.tribu.listening.source.mastodon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Reading back, when a Mastodon stream (re)connects, the recent statuses of its source, to apply the edits and
 * deletions made while it was down (they are announced only on the stream); and, for a source whose stream is not
 * connected (the instance refuses streaming, or streaming is off), every {@code while-polling} while it is only polled.
 * {@code tribu.sources.mastodon.reconcile.*}; its turn comes every {@code tribu.sources.mastodon.reconcile-tick} (5 s).
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

    /** A source whose stream is not connected (only polled) gets a run this often: its edits and deletions. */
    @WithDefault("1h")
    Duration whilePolling();

    /**
     * How long a worker holds a run between two batches; a worker that died (a restart, a crash) leaves it to any
     * replica once it expires, and a worker that comes back after that finds its lease taken and stops.
     */
    @WithDefault("2m")
    Duration lease();
}
