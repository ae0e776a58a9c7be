package io.tribu.publishing.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A post's variant on its way to one channel (see V4__deliveries.sql for the states). */
@Entity
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    @Column(name = "post_id")
    public UUID postId;
    @Column(name = "channel_id")
    public UUID channelId;
    public String network;
    public String text;
    @jakarta.persistence.Convert(converter = io.tribu.publishing.post.MediaUrls.class)
    public java.util.List<String> media = java.util.List.of();
    @Column(name = "due_at")
    public Instant dueAt;
    public String state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "external_id")
    public String externalId;
    public String url;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** When it reached published or failed; null before. */
    @Column(name = "outcome_at")
    public Instant outcomeAt;

    /** Sent to the network with every attempt, so that a repeated attempt is recognised. */
    public String idempotencyKey() {
        return id.toString();
    }
}
