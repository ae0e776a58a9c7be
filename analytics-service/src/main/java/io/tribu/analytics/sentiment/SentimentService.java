package io.tribu.analytics.sentiment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.mention.MentionRecordedReader;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sentiment of a brand's mentions: over time, and by source, language or listening query. */
@ApplicationScoped
public class SentimentService {

    /** Counts the mention under each listening query it matched; runs inside the intake's transaction. */
    public Uni<Void> count(Mutiny.Session session, MentionRecordedReader event) {
        MentionRecordedReader.Data data = event.data();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MentionRecordedReader.MatchedQuery query : data.queries()) {
            chain = chain.chain(() -> session.createNativeQuery("""
                            insert into mention_by_query (tenant, brand_id, bucket_start, query_id, sentiment, mentions, reach)
                            values (:tenant, :brand, :bucket, :query, :sentiment, 1, :reach)
                            on conflict (tenant, brand_id, bucket_start, query_id, sentiment)
                            do update set mentions = mention_by_query.mentions + 1,
                                          reach = mention_by_query.reach + excluded.reach""")
                    .setParameter("tenant", event.tenant())
                    .setParameter("brand", data.brandId())
                    .setParameter("bucket", data.publishedAt().truncatedTo(ChronoUnit.HOURS))
                    .setParameter("query", query.id())
                    .setParameter("sentiment", data.sentimentLabel())
                    .setParameter("reach", data.reach())
                    .executeUpdate()
                    .chain(() -> session.createNativeQuery("""
                                    insert into listening_query (tenant, brand_id, query_id, name, subject, competitor)
                                    values (:tenant, :brand, :query, :name, :subject, :competitor)
                                    on conflict (tenant, brand_id, query_id) do update
                                    set name = excluded.name, subject = excluded.subject, competitor = excluded.competitor
                                    where (listening_query.name, listening_query.subject, listening_query.competitor)
                                          is distinct from (excluded.name, excluded.subject, excluded.competitor)""")
                            .setParameter("tenant", event.tenant())
                            .setParameter("brand", data.brandId())
                            .setParameter("query", query.id())
                            .setParameter("name", query.name())
                            .setParameter("subject", query.aboutCompetitor() ? "competitor" : "brand")
                            .setParameter("competitor", query.competitor())
                            .executeUpdate())
                    .replaceWithVoid());
        }
        return chain;
    }

    public record Bucket(java.time.OffsetDateTime start, SentimentCounts counts) {
    }

    public record Slice(String value, String name, SentimentCounts counts) {
    }

    /** Every bucket of the period, empty ones included, so charts show quiet days as zero. */
    @WithSession
    public Uni<List<Bucket>> series(String tenant, String brandId, ReportingPeriod period, Bucketing bucketing) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select date_trunc(cast(:unit as text), bucket_start at time zone cast(:tz as text)),
                               sentiment, sum(mentions), sum(reach)
                        from mention_breakdown
                        where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                        group by 1, 2""", Object[].class)
                .setParameter("unit", bucketing.unit())
                .setParameter("tz", bucketing.zone().getId())
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from().truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", period.to())
                .getResultList()
                .map(rows -> {
                    Map<LocalDateTime, SentimentCounts.Tally> buckets = emptyBuckets(period, bucketing);
                    for (Object[] row : rows) {
                        buckets.computeIfAbsent(localTime(row[0]), start -> new SentimentCounts.Tally())
                                .add((String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
                    }
                    return buckets.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(entry -> new Bucket(bucketing.start(entry.getKey()), entry.getValue().counts()))
                            .toList();
                }));
    }

    private static Map<LocalDateTime, SentimentCounts.Tally> emptyBuckets(ReportingPeriod period, Bucketing bucketing) {
        Map<LocalDateTime, SentimentCounts.Tally> buckets = new LinkedHashMap<>();
        bucketing.localStarts(period).forEach(start -> buckets.put(start, new SentimentCounts.Tally()));
        return buckets;
    }

    /** Mentions by source, language or listening query, largest first. */
    @WithSession
    public Uni<List<Slice>> breakdown(String tenant, String brandId, ReportingPeriod period, Dimension by) {
        String sql = switch (by) {
            case SOURCE, LANGUAGE -> """
                    select %s, null, sentiment, sum(mentions), sum(reach) from mention_breakdown
                    where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                    group by 1, 3""".formatted(by == Dimension.SOURCE ? "source" : "language");
            case QUERY -> """
                    select cast(m.query_id as text), q.name, m.sentiment, sum(m.mentions), sum(m.reach)
                    from mention_by_query m
                    left join listening_query q on q.tenant = m.tenant and q.brand_id = m.brand_id and q.query_id = m.query_id
                    where m.tenant = :tenant and m.brand_id = :brand and m.bucket_start >= :from and m.bucket_start < :to
                    group by 1, 2, 3""";
        };
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from().truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", period.to())
                .getResultList()
                .map(rows -> {
                    Map<String, SentimentCounts.Tally> slices = new LinkedHashMap<>();
                    Map<String, String> names = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        String value = (String) row[0];
                        if (row[1] != null) {
                            names.put(value, (String) row[1]);
                        }
                        slices.computeIfAbsent(value, key -> new SentimentCounts.Tally())
                                .add((String) row[2], ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
                    }
                    return slices.entrySet().stream()
                            .map(entry -> new Slice(entry.getKey(), names.get(entry.getKey()), entry.getValue().counts()))
                            .sorted((a, b) -> a.counts().mentions() != b.counts().mentions()
                                    ? Long.compare(b.counts().mentions(), a.counts().mentions())
                                    : a.value().compareTo(b.value()))
                            .toList();
                }));
    }

    public enum Dimension {
        SOURCE, LANGUAGE, QUERY
    }

    static LocalDateTime localTime(Object value) {
        if (value instanceof LocalDateTime local) {
            return local;
        }
        return ((java.sql.Timestamp) value).toLocalDateTime();
    }
}
