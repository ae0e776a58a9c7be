package io.tribu.analytics.mention;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@ApplicationScoped
public class MentionVolumeService {

    /**
     * Adds the batch's counts to the hours the mentions were published in (a count taken back out subtracts), and
     * drops the rows that came back to zero; runs inside the intake's transaction.
     */
    @WithSpan
    public Uni<Void> count(Mutiny.Session session, List<MentionCount> counts) {
        BatchRows rows = new BatchRows();
        for (MentionCount count : counts) {
            MentionContent content = count.content();
            rows.add().put("tenant", count.tenant()).put("brand", count.brandId()).put("bucket", count.bucket())
                    .put("source", content.source()).put("language", content.language())
                    .put("sentiment", content.sentiment()).put("reach", count.mention().reach())
                    .put("sign", count.sign());
        }
        boolean takesOut = counts.stream().anyMatch(count -> count.sign() < 0);
        return session.createNativeQuery("""
                        insert into mention_volume (tenant, brand_id, bucket_start, mentions)
                        select tenant, brand, bucket, sum(sign)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, bucket timestamptz, sign int)
                        group by 1, 2, 3
                        on conflict (tenant, brand_id, bucket_start)
                        do update set mentions = mention_volume.mentions + excluded.mentions""")
                .setParameter("rows", rows.json())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                insert into mention_breakdown (tenant, brand_id, bucket_start, source, language, sentiment, mentions, reach)
                                select tenant, brand, bucket, source, language, sentiment, sum(sign), sum(sign * reach)
                                from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                     as r(tenant text, brand text, bucket timestamptz, source text, language text,
                                          sentiment text, reach bigint, sign int)
                                group by 1, 2, 3, 4, 5, 6
                                on conflict (tenant, brand_id, bucket_start, source, language, sentiment)
                                do update set mentions = mention_breakdown.mentions + excluded.mentions,
                                              reach = mention_breakdown.reach + excluded.reach""")
                        .setParameter("rows", rows.json())
                        .executeUpdate())
                .chain(() -> !takesOut ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                with touched as (
                                    select distinct tenant, brand, bucket
                                    from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                         as r(tenant text, brand text, bucket timestamptz, sign int)
                                    where sign < 0),
                                volumes as (
                                    delete from mention_volume v using touched t
                                    where v.tenant = t.tenant and v.brand_id = t.brand and v.bucket_start = t.bucket
                                      and v.mentions = 0)
                                delete from mention_breakdown b using touched t
                                where b.tenant = t.tenant and b.brand_id = t.brand and b.bucket_start = t.bucket
                                  and b.mentions = 0""")
                        .setParameter("rows", rows.json())
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
