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
                .replaceWithVoid();
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
