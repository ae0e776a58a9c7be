package io.tribu.listening.source;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Where listening hears a brand's mentions, with the cursor that lets polling resume after a restart. */
@Entity
public class Source extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    /**
     * rss (RSS and Atom feeds), mastodon, bluesky (a hashtag timeline), youtube (a video search) or webhook (a system
     * pushes signed mentions).
     */
    public String type;
    public String url;
    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds;
    /** True for the brand's own accounts: what is heard there goes to the moderation inbox. */
    @Column(name = "owned_channel")
    public boolean ownedChannel;
    public boolean enabled;
    /** Timeline sources: the hashtag followed (without #). */
    public String hashtag;
    /** Timeline sources: the newest item already read (Mastodon status id). */
    public String cursor;
    /** Conditional GET cursor: the validators of the last feed read. */
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    @Column(name = "last_polled_at")
    public Instant lastPolledAt;
    /** How the last poll went: e.g. "200: 3 new", "304", "error". */
    @Column(name = "last_status")
    public String lastStatus;
    /** The last poll that failed, kept after later successes (lastStatus tells the latest). */
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_error_at")
    public Instant lastErrorAt;
    /** Webhook sources only: the HMAC-SHA256 key deliveries are signed with. */
    @Column(name = "webhook_secret")
    public String webhookSecret;
    /** YouTube sources: the search terms (q of search.list). */
    @Column(name = "search_query")
    public String query;
    /**
     * YouTube sources, stored before keys were sealed: the API key in clear, until the startup sealing moves it to
     * {@link #sealedApiKey} and nulls it. Never written any more.
     */
    @Column(name = "api_key")
    public String apiKey;
    /**
     * YouTube sources: the API key sent as X-Goog-Api-Key, sealed (see {@code youtube.ApiKeys}); never shown by the API
     * nor logged.
     */
    @Column(name = "api_key_sealed")
    public String sealedApiKey;
    /** YouTube sources: the quota day (Pacific time) {@code quotaUsed} counts for. */
    @Column(name = "quota_day")
    public LocalDate quotaDay;
    @Column(name = "quota_used")
    public int quotaUsed;
    @Column(name = "created_at")
    public Instant createdAt;
}
