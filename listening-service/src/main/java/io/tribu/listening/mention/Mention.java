package io.tribu.listening.mention;

import java.util.List;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

    /** A source's item already stored. */
    record HeardItem(UUID sourceId, String externalId) {
    }

    /** The stored (source, item) pairs among these sources and items: a superset of the pairs asked, one query. */
    static Uni<List<HeardItem>> heardAmong(List<UUID> sourceIds, List<String> externalIds) {
        return find("sourceId in ?1 and externalId in ?2", sourceIds, externalIds)
                .project(HeardItem.class).list();
    }

    /** The mention recorded through the API with this external id for the brand and source, or null. */
    static Uni<Mention> recordedViaApi(String tenant, String brandId, String source, String externalId) {
        return find("tenant = ?1 and brandId = ?2 and source = ?3 and externalId = ?4 and recordedViaApi = true",
                tenant, brandId, source, externalId).firstResult();
    }

    /**
     * The stored mention of a source's item, whichever brand the source is for, locked until the caller's transaction
     * ends: the stream and reconciliation may bring the same edit at once, and the second must see the first's text.
     */
    static Uni<Mention> ofItem(UUID sourceId, String externalId) {
        return find("sourceId = ?1 and externalId = ?2", sourceId, externalId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * When this mention headed a story others joined, they pass to the earliest of them (still heard first), so the
     * story keeps a head that is in it; in the caller's transaction.
     */
    Uni<Void> handOverStory() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with heir as (select id from mention where story_id = :story and id <> :story
                                      order by withdrawn_at is not null, published_at, id limit 1)
                        update mention set story_id = (select id from heir)
                        where story_id = :story and id <> :story and exists (select 1 from heir)""")
                .setParameter("story", id)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Ids of a source's items published since {@code since} and not withdrawn, newest first (ids compared as numbers:
     * Mastodon's), below {@code below} when it is not null.
     */
    static Uni<List<String>> recentItems(UUID sourceId, Instant since, String below, int limit) {
        String sql = "select external_id from mention where source_id = :source and withdrawn_at is null"
                + " and published_at >= :since and external_id ~ '^[0-9]{1,30}$'"
                + (below == null ? "" : " and cast(external_id as numeric) < cast(cast(:below as text) as numeric)")
                + " order by cast(external_id as numeric) desc limit :limit";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, String.class)
                    .setParameter("source", sourceId)
                    .setParameter("since", since)
                    .setParameter("limit", limit);
            if (below != null) {
                query.setParameter("below", below);
            }
            return query.getResultList();
        });
    }

    static Uni<List<Mention>> latest(String tenant, String brandId, UUID sourceId, int limit) {
        var query = sourceId == null
                ? Mention.<Mention>find("tenant = ?1 and brandId = ?2 and withdrawnAt is null order by publishedAt desc",
                        tenant, brandId)
                : Mention.<Mention>find("tenant = ?1 and brandId = ?2 and sourceId = ?3 and withdrawnAt is null"
                        + " order by publishedAt desc", tenant, brandId, sourceId);
        return query.page(0, limit).list();
    }

    static Uni<Mention> findForBrand(String tenant, String brandId, UUID id) {
        return find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }
}
