package io.tribu.publishing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code tribu.*} setting of publishing, with its default: the one place they are declared. Quarkus' own
 * settings ({@code quarkus.*}, {@code mp.messaging.*}) stay in application.properties; the README's configuration
 * table is written from this interface (ConfigurationTest).
 */
@ConfigMapping(prefix = "tribu")
public interface PublishingConfig {

    /** The service's database. */
    Db db();

    /** The topics publishing's events go to. */
    Topics topics();

    /** Channel credentials. */
    Credentials credentials();

    /** The HTTP client shared by the network adapters. */
    Network network();

    /** Networks with one API host. */
    Networks networks();

    /** Channels. */
    Channels channels();

    /** Delivery of scheduled posts. */
    Delivery delivery();

    /** Moderation actions carried out on the networks. */
    Actions actions();

    /** Links of Instagram comments looked up for moderation. */
    Links links();

    /** Engagement counts read from the networks. */
    Engagement engagement();

    /** Media downloaded for the networks that want uploads. */
    Media media();

    /** Client approval links. */
    ApprovalLinks approvalLinks();

    /** Recurring and evergreen series. */
    Recurrence recurrence();

    /** Comments and replies read from the brands' YouTube channels. */
    Youtube youtube();

    /** Reviews read from the brands' Google Business Profile locations. */
    Reviews reviews();

    /** Comments and replies read from the brands' published LinkedIn posts. */
    Linkedin linkedin();

    /** Replies to the brands' own posts on X, read from each X channel's mentions timeline. */
    XReplies xReplies();

    interface Db {
        /**
         * The database as {@code //host:port/name}, from {@code TRIBU_DB_HOST}, {@code TRIBU_DB_PORT} and
         * {@code TRIBU_DB_NAME}; both of Quarkus' datasource URLs are built from it.
         */
        String url();
    }

    interface Topics {
        /** Where the post events go (also the outbox channel's default topic). */
        @WithDefault("tribu.publishing.posts")
        String posts();

        /** Where {@code tribu.publishing.action.completed.v1} goes. */
        @WithDefault("tribu.publishing.actions")
        String actions();

        /** Where {@code tribu.publishing.link.resolved.v1} goes. */
        @WithDefault("tribu.publishing.links")
        String links();

        /** Where {@code tribu.publishing.engagement.collected.v1} goes. */
        @WithDefault("tribu.publishing.engagement")
        String engagement();

        /** Where {@code tribu.publishing.comment.collected.v1} goes. */
        @WithDefault("tribu.publishing.comments")
        String comments();

        /** Where {@code tribu.publishing.review.collected.v1} goes. */
        @WithDefault("tribu.publishing.reviews")
        String reviews();
    }

    interface Credentials {
        /**
         * AES-256-GCM keyring of channel credentials ({@code id:base64 32-byte key}, comma-separated); from a Secret in
         * production, no default, so a missing keyring stops the start.
         */
        String keys();

        /** The key of the keyring that seals new values. */
        String activeKey();
    }

    interface Network {
        /** Most connections open at once to one network host, per replica; calls beyond wait for one to be free. */
        @WithDefault("64")
        int connectionsPerHost();
    }

    interface Networks {
        /** X's API host (set here, never by a channel: its tokens go nowhere else). */
        @WithDefault("https://api.x.com")
        String xUrl();

        /** LinkedIn's API host. */
        @WithDefault("https://api.linkedin.com")
        String linkedinUrl();

        /** Meta's Graph API host (Facebook and Instagram). */
        @WithDefault("https://graph.facebook.com")
        String metaUrl();

        /** The YouTube Data API's host. */
        @WithDefault("https://www.googleapis.com")
        String youtubeUrl();

        /** Google's OAuth host, where YouTube channels' access tokens are refreshed. */
        @WithDefault("https://oauth2.googleapis.com")
        String googleOauthUrl();

        /** The Google Business Profile API's host (reviews of the locations: {@code /v4/accounts/…/reviews}). */
        @WithDefault("https://mybusiness.googleapis.com")
        String googleBusinessUrl();
    }

    interface Channels {
        /**
         * Private networks (CIDR blocks) a channel's API may be on; otherwise only public addresses, when the channel is
         * saved and before every call (also the network hosts above).
         */
        Optional<List<String>> allowedPrivateNetworks();

        /** A channel whose token (one that cannot be refreshed) expires within this window shows the state "expiring". */
        @WithDefault("7d")
        Duration expiringWindow();
    }

    interface Delivery {
        /** How often a replica's worker claims due deliveries. */
        @WithDefault("1s")
        Duration tick();

        /** Deliveries one claim takes at most. */
        @WithDefault("100")
        int batchSize();

        /** Network calls of deliveries at once per replica. */
        @WithDefault("16")
        int concurrency();

        /**
         * How long a stopped replica's deliveries wait before another takes them over (a live one renews its leases
         * every tick).
         */
        @WithDefault("5s")
        Duration lease();

        /** Deliveries due within this window are leased ahead, then fired at their instant. */
        @WithDefault("3s")
        Duration lookahead();

        /** Attempts of a delivery, an action or a link lookup before it fails for good. */
        @WithDefault("8")
        int maxAttempts();

        /** First wait before another attempt; it doubles with each (a network's Retry-After wins). */
        @WithDefault("2s")
        Duration backoffBase();

        /** Longest wait between two attempts. */
        @WithDefault("15m")
        Duration backoffCap();

        /** The worker's name in its leases; by default the host name and a random suffix. */
        Optional<String> workerId();
    }

    interface Actions {
        /** How often a replica's worker claims moderation actions that are due. */
        @WithDefault("1s")
        Duration tick();

        /** Actions one claim takes at most. */
        @WithDefault("100")
        int batchSize();

        /** Actions carried out at once per replica. */
        @WithDefault("16")
        int concurrency();

        /**
         * How long a claimed action is held: the worker does not renew it during a call (several network requests),
         * so it is longer than any call.
         */
        @WithDefault("60s")
        Duration lease();
    }

    interface Links {
        /** How often stored link requests are answered. */
        @WithDefault("1s")
        Duration tick();

        /** Link requests one claim takes at most. */
        @WithDefault("100")
        int batchSize();

        /** Graph reads at once per replica. */
        @WithDefault("4")
        int concurrency();

        /** A worker that stops mid-read loses its claim after this long, and another reads again. */
        @WithDefault("30s")
        Duration lease();
    }

    interface Engagement {
        /** How often the posts due for a reading are looked for. */
        @WithDefault("1m")
        Duration tick();

        /** Each published post is read every interval ... */
        @WithDefault("15m")
        Duration interval();

        /** ... during this window after its publication. */
        @WithDefault("7d")
        Duration window();
    }

    interface Media {
        /** Private networks (CIDR blocks) a medium may be fetched from; otherwise only public addresses. */
        Optional<List<String>> allowedPrivateNetworks();

        /** Largest medium downloaded, in bytes (held in memory while uploaded: count it against the pod's memory). */
        @WithDefault("16777216")
        long maxBytes();

        /** Timeout of one download. */
        @WithDefault("30s")
        Duration fetchTimeout();

        /** How often Mastodon is asked whether it has processed an uploaded video or large image ... */
        @WithDefault("1s")
        Duration processingPoll();

        /** ... and how long at most. */
        @WithDefault("60s")
        Duration processingTimeout();
    }

    interface ApprovalLinks {
        /**
         * Signing keyring ({@code id:base64 key} of at least 32 bytes, comma-separated); by default the credentials
         * keyring, from which the HMAC keys are derived (never used as they are).
         */
        String keys();

        /** The key that signs new links. */
        String activeKey();

        /** Requests per minute and client address to the public {@code /approval-links/} paths, per replica; more: 429. */
        @WithDefault("30")
        int requestsPerMinute();

        /**
         * Proxies (CIDR blocks: the console, an ingress) whose {@code X-Forwarded-For} names the client whose budget a
         * request spends, read from the right past these proxies; from any other peer the header is ignored. None by
         * default: every request is counted against the connection's address.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Recurrence {
        /** How often each replica hands the occurrences coming due to delivery. */
        @WithDefault("10s")
        Duration tick();

        /** An occurrence becomes a scheduled post this long before its instant (and can no longer be skipped). */
        @WithDefault("5m")
        Duration lead();

        /** After downtime, the latest missed occurrence is still sent if at most this late; older ones are missed. */
        @WithDefault("1h")
        Duration grace();
    }

    interface Youtube {
        /** How often each replica looks for channels due. */
        @WithDefault("30s")
        Duration tick();

        /** A channel is swept again this long after its last complete sweep. */
        @WithDefault("15m")
        Duration interval();

        /** Threads that began less than this before the previous sweep are read again: edits and new replies are seen. */
        @WithDefault("7d")
        Duration lookback();

        /**
         * Quota units a channel may spend per YouTube quota day (Pacific time): one per list call of its polling, 50 per
         * moderation action (a reply, a hide, a delete); an action that does not fit waits for the next day. Google gives
         * a project 10,000 units a day by default, shared by every channel the operator's OAuth client reads.
         */
        @WithDefault("2000")
        int dailyUnits();

        /** A replica that stops mid-sweep leaves the channel to another after this long. */
        @WithDefault("5m")
        Duration lease();
    }

    interface Reviews {
        /** How often each replica looks for locations due. */
        @WithDefault("30s")
        Duration tick();

        /** A location is swept again this long after its last complete sweep. */
        @WithDefault("30m")
        Duration interval();

        /**
         * Reviews updated less than this before the previous sweep began are read again (newest update first, a sweep
         * ends at the first page older than that): a review Google dates a little late is still seen.
         */
        @WithDefault("1d")
        Duration lookback();

        /** A replica that stops mid-sweep leaves the location to another after this long. */
        @WithDefault("5m")
        Duration lease();
    }

    interface Linkedin {
        /** How often each replica looks for LinkedIn channels due. */
        @WithDefault("30s")
        Duration tick();

        /** A channel's posts are swept again this long after its last complete sweep. */
        @WithDefault("15m")
        Duration interval();

        /** Posts published longer ago than this are not polled any more (their late comments stay on LinkedIn). */
        @WithDefault("14d")
        Duration window();

        /** Top-level comments asked per list call ({@code count}; LinkedIn gives at most 100). */
        @WithDefault("50")
        int pageSize();

        /** A replica that stops mid-sweep leaves the channel to another after this long. */
        @WithDefault("5m")
        Duration lease();
    }

    interface XReplies {
        /** How often each replica looks for X channels due. */
        @WithDefault("30s")
        Duration tick();

        /**
         * An X channel is swept again this long after its last complete sweep. Each sweep is one mentions read per page
         * (X's rate limit on it is per user and 15-minute window; the plan's monthly cap counts every post read).
         */
        @WithDefault("5m")
        Duration interval();

        /** The first sweep of a channel reads the mentions back this far; later ones only what is newer (since_id). */
        @WithDefault("7d")
        Duration lookback();

        /** Pages of 100 mentions a sweep reads at most; the rest waits for the next sweep, from the same cursor. */
        @WithDefault("10")
        int maxPages();

        /** A replica that stops mid-sweep leaves the channel to another after this long. */
        @WithDefault("5m")
        Duration lease();
    }
}
