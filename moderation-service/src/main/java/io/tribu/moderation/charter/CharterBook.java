package io.tribu.moderation.charter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The brands' charters: the saved versions in PostgreSQL and the compiled current one in memory. A save on
 * this replica applies at once; other replicas see it within tribu.charter.refresh.
 */
@ApplicationScoped
public class CharterBook {

    private record Cached(Charter charter, long loadedAt) {
    }

    private final ObjectMapper json;
    private final long refreshNanos;
    private final Clock clock;
    private final Map<String, Cached> compiled = new ConcurrentHashMap<>();

    public CharterBook(ObjectMapper json, ModerationConfig config, Clock clock) {
        this.json = json;
        this.refreshNanos = config.charter().refresh().toNanos();
        this.clock = clock;
    }

    /** The brand's compiled charter, Charter.EMPTY when it has none; must run inside a session. */
    public Uni<Charter> current(String tenant, String brandId) {
        String key = tenant + '\u0000' + brandId;
        Cached cached = compiled.get(key);
        if (cached != null && System.nanoTime() - cached.loadedAt < refreshNanos) {
            return Uni.createFrom().item(cached.charter);
        }
        return latest(tenant, brandId).map(document -> {
            Charter charter = document.map(d -> CharterParser.parse(d.document(), d.version()).charter()).orElse(Charter.EMPTY);
            // A stored document always parsed when saved; should the format tighten later, the brand runs without rules.
            Charter usable = charter == null ? Charter.EMPTY : charter;
            compiled.put(key, new Cached(usable, System.nanoTime()));
            return usable;
        });
    }

    public Uni<Optional<CharterDocument>> latest(String tenant, String brandId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select version, document::text, saved_by, saved_at from charter_revision
                        where tenant = :tenant and brand_id = :brand order by version desc limit 1""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> document(brandId, row)));
    }

    public Uni<Optional<CharterDocument>> version(String tenant, String brandId, int version) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select version, document::text, saved_by, saved_at from charter_revision
                        where tenant = :tenant and brand_id = :brand and version = :version""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("version", version)
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> document(brandId, row)));
    }

    public Uni<List<CharterDocument>> history(String tenant, String brandId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select version, document::text, saved_by, saved_at from charter_revision
                        where tenant = :tenant and brand_id = :brand order by version desc""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> document(brandId, row)).toList());
    }

    /**
     * Stores the next version; two saves racing for the same version number meet the primary key, and the
     * caller answers 409. Must run inside a transaction.
     */
    Uni<CharterDocument> save(String tenant, String brandId, int version, String document, String savedBy) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into charter_revision (tenant, brand_id, version, document, saved_by, saved_at)
                        values (:tenant, :brand, :version, cast(cast(:document as text) as jsonb), :by, :at)""")
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("version", version)
                .setParameter("document", document)
                .setParameter("by", savedBy)
                .setParameter("at", now)
                .executeUpdate())
                .map(inserted -> new CharterDocument(brandId, version, read(document), savedBy, now));
    }

    /** Drops this replica's compiled copy once a new version is committed. */
    void forget(String tenant, String brandId) {
        compiled.remove(tenant + '\u0000' + brandId);
    }

    private CharterDocument document(String brandId, Object[] row) {
        Object at = row[3];
        Instant savedAt = at instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) at;
        return new CharterDocument(brandId, ((Number) row[0]).intValue(), read((String) row[1]), (String) row[2], savedAt);
    }

    private com.fasterxml.jackson.databind.JsonNode read(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("charter_revision.document is not JSON", e);
        }
    }
}
