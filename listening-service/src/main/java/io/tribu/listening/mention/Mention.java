package io.tribu.listening.mention;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import io.tribu.listening.enrich.TextFingerprint;

import java.time.Instant;
import java.util.UUID;

/** Something said about a brand somewhere on the web. */
@Entity
public class Mention extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String source;
    /** post, comment, reply, direct-message or review. */
    public String kind;
    /** True when heard on one of the brand's own accounts: moderation takes it into its inbox. */
    @Column(name = "owned_channel")
    public boolean ownedChannel;
    public String author;
    /** Followers of the author, when the source tells. */
    @Column(name = "author_reach")
    public Long authorReach;
    public String text;
    public String url;
    public String language;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** True when the source gave no readable time: {@code publishedAt} is when it was fetched. */
    @Column(name = "published_at_estimated")
    public boolean publishedAtEstimated;
    /** The post a quote post quotes (its web link), when it is one. */
    @Column(name = "quoted_url")
    public String quotedUrl;
    /** When the source's author last edited it, as heard. */
    @Column(name = "edited_at")
    public Instant editedAt;
    /** When it was deleted at its source: its text is no longer kept and searches leave it out. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "external_id")
    public String externalId;
    /** Recorded through the API (not heard by a source): its external id is unique per tenant, brand and source. */
    @Column(name = "recorded_via_api")
    public boolean recordedViaApi;
    /** negative, neutral or positive; null for languages without sentiment analysis. */
    @Column(name = "sentiment_label")
    public String sentimentLabel;
    @Column(name = "sentiment_score")
    public Double sentimentScore;
    /** The first mention of the same story (near-duplicates share it); its own id for a new story. */
    @Column(name = "story_id")
    public UUID storyId;
    /** MinHash signature of the text, null when too short to compare (see TextFingerprint). */
    public int[] signature;
    /** The signature's band keys for this brand, what near-duplicate lookups find it by; null with the signature. */
    @Column(name = "story_keys")
    public long[] storyKeys;
    /** The text folded for full-text search (case, accents, punctuation). */
    @Column(name = "search_text")
    public String searchText;
    /** The brand's listening queries this mention matched when it was stored. */
    @Column(name = "matched_query_ids")
    public UUID[] matchedQueryIds = new UUID[0];
}
