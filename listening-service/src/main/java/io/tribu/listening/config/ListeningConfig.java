package io.tribu.listening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Every {@code tribu.*} setting of listening, with its default: the one place they are declared. Quarkus' own
 * settings ({@code quarkus.*}, {@code mp.messaging.*}) stay in application.properties; the README's configuration
 * table is written from this interface (ConfigurationTest).
 */
@ConfigMapping(prefix = "tribu")
public interface ListeningConfig {

    /** The service's database. */
    Db db();

    /** The topics listening's events go to. */
    Topics topics();

    /** Secrets listening stores (YouTube sources' API keys), sealed at rest. */
    Credentials credentials();

    /** Sources: polling, fetching and SSRF protection. */
    Sources sources();

    /** Signed webhook deliveries. */
    Webhooks webhooks();

    /** Enrichment. */
    Enrich enrich();

    /** Alert rules. */
    Alerts alerts();

    /** Listening queries. */
    Queries queries();

    /** The Kafka ingest ({@code tribu.listening.ingest}). */
    Ingest ingest();

    interface Db {
        /**
         * The database as {@code //host:port/name}, from {@code TRIBU_DB_HOST}, {@code TRIBU_DB_PORT} and
         * {@code TRIBU_DB_NAME}; both of Quarkus' datasource URLs are built from it.
         */
        String url();
    }

    interface Topics {
        /** Where the mention events go (also the outbox channel's default topic). */
        @WithDefault("tribu.listening.mentions")
        String mentions();

        /** Where the alert events go. */
        @WithDefault("tribu.listening.alerts")
        String alerts();

        /**
         * Where the Kafka ingest sends the records it cannot store, with the reason in the {@code tribu-rejection}
         * header: in the Kafka transaction of their batch, so read them {@code read_committed}.
         */
        @WithDefault("tribu.listening.ingest.dlq")
        String ingestDeadLetters();
    }

    interface Credentials {
        /**
         * AES-256-GCM keyring of the secrets listening stores ({@code id:base64 32-byte key}, comma-separated); from a
         * Secret in production, no default, so a missing keyring stops the start. Keys of an older active key stay here
         * until the daily re-sealing (shortly after startup) has moved every row to the active one.
         */
        String keys();

        /** The key of the keyring that seals new values. */
        String activeKey();
    }

    interface Sources {
        /** How often the poller looks for due sources; each source has its own poll interval. */
        @WithDefault("5s")
        Duration pollTick();

        /** Due sources one tick of the poller takes. */
        @WithDefault("20")
        int pollBatchSize();

        /** Timeout of one request to a source (a feed, a Mastodon or Bluesky read). */
        @WithDefault("15s")
        Duration fetchTimeout();

        /** Largest feed read, in bytes; a longer one is cut there and fails. */
        @WithDefault("5242880")
        int maxFeedBytes();

        /** Lets sources and alert webhooks reach loopback, private and link-local addresses: for local fakes only. */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Mastodon sources. */
        Mastodon mastodon();

        /** Bluesky sources. */
        Bluesky bluesky();

        /** YouTube search sources. */
        Youtube youtube();
    }

    interface Youtube {
        /** Where the YouTube Data API v3 is reached (search.list); through the SSRF guard like every source. */
        @WithDefault("https://www.googleapis.com")
        URI url();

        /**
         * Quota units one YouTube source may spend per YouTube quota day (Pacific time), 100 per search; its poll interval
         * is derived from it (86,400 s × 100 / units). Google gives a project 10,000 units a day by default, shared by
         * every source whose key belongs to that project.
         */
        @WithDefault("10000")
        int dailyUnits();

        /**
         * A sweep asks for the videos published after the newest one the last sweep saw, less this: YouTube indexes some
         * videos late; those read twice are stored once. A new source starts this long before its creation.
         */
        @WithDefault("1h")
        Duration overlap();
    }

    interface Mastodon {
        /** Mastodon sources also listen to the instance's streaming API (seconds instead of the poll interval). */
        @WithDefault("true")
        boolean streaming();

        /** How often the streams that should be open are checked and (re)opened. */
        @WithDefault("15s")
        Duration streamCheck();

        /** How often due reconciliations (reading a source's recent statuses back) are looked for. */
        @WithDefault("5s")
        Duration reconcileTick();

        /**
         * Reading back, when a stream (re)connects, the recent statuses of its source, to apply the edits and
         * deletions made while it was down (they are announced only on the stream); and, for a source whose stream
         * is not connected (the instance refuses streaming, or streaming is off), every {@code while-polling} while
         * it is only polled.
         */
        Reconcile reconcile();
    }

    interface Reconcile {
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

    interface Bluesky {
        /** Where authors' handles and follower counts are looked up (Jetstream carries DIDs only). */
        @WithDefault("https://public.api.bsky.app")
        URI appview();

        /** The most time one poll spends looking authors up; an author not known in time is stored under its DID. */
        @WithDefault("2s")
        Duration profileBudget();
    }

    interface Webhooks {
        /** Signed webhook deliveries older or newer than this are refused (replay protection). */
        @WithDefault("5m")
        Duration replayWindow();
    }

    interface Enrich {
        /** A mention joins the story of a near-duplicate published at most this long before or after it. */
        @WithDefault("3d")
        Duration storyWindow();
    }

    interface Alerts {
        /** How often negative-spike rules are checked. */
        @WithDefault("1m")
        Duration checkInterval();

        /** How often raised alerts are looked for to POST to their webhook. */
        @WithDefault("5s")
        Duration webhookTick();

        /** Timeout of one alert webhook POST. */
        @WithDefault("10s")
        Duration webhookTimeout();
    }

    interface Queries {
        /** How often a replica picks up the queries changed through other replicas. */
        @WithDefault("10s")
        Duration refreshInterval();

        /** A query preview reads at most this many mentions of its period, newest first (its cost bound). */
        @WithDefault("10000")
        int previewMaxMentions();
    }

    interface Ingest {
        /**
         * Partitions of the ingest topic one replica stores at once: each lane has its own consumer and its own
         * transactional producer (exactly-once needs one per lane), so a replica stores one batch per lane while the
         * others wait on PostgreSQL or Kafka. Give the topic at least replicas × lanes partitions: a lane without one
         * stays idle.
         */
        @WithDefault("3")
        int lanes();

        /**
         * How long the broker waits for a lane's open Kafka transaction before aborting it: read_committed readers of
         * the partitions it wrote wait that long when a replica dies mid-batch; a batch commits well under a second.
         */
        @WithDefault("10s")
        Duration transactionTimeout();
    }
}
