package io.tribu.analytics.mention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@ApplicationScoped
public class MentionVolumeService {

    /** Counts the mention in the hour it was published; runs inside the intake's transaction. */
    public Uni<Void> count(Mutiny.Session session, MentionRecordedReader event) {
        return session.createNativeQuery("""
                        insert into mention_volume (tenant, brand_id, bucket_start, mentions)
                        values (:tenant, :brand, :bucket, 1)
                        on conflict (tenant, brand_id, bucket_start)
                        do update set mentions = mention_volume.mentions + 1""")
                .setParameter("tenant", event.tenant())
                .setParameter("brand", event.data().brandId())
                .setParameter("bucket", event.data().publishedAt().truncatedTo(ChronoUnit.HOURS))
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                insert into mention_breakdown (tenant, brand_id, bucket_start, source, language, sentiment, mentions, reach)
                                values (:tenant, :brand, :bucket, :source, :language, :sentiment, 1, :reach)
                                on conflict (tenant, brand_id, bucket_start, source, language, sentiment)
                                do update set mentions = mention_breakdown.mentions + 1,
                                              reach = mention_breakdown.reach + excluded.reach""")
                        .setParameter("tenant", event.tenant())
                        .setParameter("brand", event.data().brandId())
                        .setParameter("bucket", event.data().publishedAt().truncatedTo(ChronoUnit.HOURS))
                        .setParameter("source", event.data().source() == null ? "unknown" : event.data().source())
                        .setParameter("language", event.data().language() == null ? "und" : event.data().language())
                        .setParameter("sentiment", event.data().sentimentLabel())
                        .setParameter("reach", event.data().reach())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Mentions and reach in the period grouped by one dimension (source or language), largest first. */
    @WithSession
    public Uni<List<Slice>> breakdown(String tenant, String brandId, Instant from, Instant to, Dimension by) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select %s, sum(mentions), sum(reach) from mention_breakdown
                        where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                        group by 1 order by 2 desc, 1""".formatted(by.column()), Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from.truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> new Slice((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                        .toList()));
    }

    /** A dimension of the breakdown; the column is a constant, never user text. */
    public enum Dimension {
        SOURCE("source"), LANGUAGE("language");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    public record Slice(String value, long mentions, long reach) {
    }

    @WithSession
    public Uni<List<HourlyVolume>> hourly(String tenant, String brandId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select bucket_start, mentions from mention_volume
                        where tenant = :tenant and brand_id = :brand
                          and bucket_start >= :from and bucket_start < :to
                        order by bucket_start""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from.truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> new HourlyVolume(toInstant(row[0]), ((Number) row[1]).longValue()))
                        .toList()));
    }

    /** The first hour the brand had any mention, or null. */
    @WithSession
    public Uni<Instant> firstHour(String tenant, String brandId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select min(bucket_start) from mention_volume where tenant = :tenant and brand_id = :brand""",
                        Object.class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getSingleResult()
                .map(value -> value == null ? null : toInstant(value)));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    public record HourlyVolume(Instant start, long mentions) {
    }
}
