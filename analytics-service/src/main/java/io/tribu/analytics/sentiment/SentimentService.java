package io.tribu.analytics.sentiment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import io.tribu.analytics.mention.MentionCount;
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
import java.util.UUID;

/** Sentiment of a brand's mentions: over time, and by source, language or listening query. */
@ApplicationScoped
public class SentimentService {

    /**
     * Adds the batch's counts under each listening query the mentions matched (a count taken back out subtracts) and
     * drops the rows back to zero; runs inside the intake's transaction.
     */
    public Uni<Void> count(Mutiny.Session session, List<MentionCount> counts) {
        BatchRows matches = new BatchRows();
        for (MentionCount count : counts) {
            for (UUID query : count.content().queryIds()) {
                matches.add().put("tenant", count.tenant()).put("brand", count.brandId()).put("bucket", count.bucket())
                        .put("query", query.toString()).put("sentiment", count.content().sentiment())
                        .put("reach", count.mention().reach()).put("sign", count.sign());
            }
        }
        if (matches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        insert into mention_by_query (tenant, brand_id, bucket_start, query_id, sentiment, mentions, reach)
                        select tenant, brand, bucket, query, sentiment, sum(sign), sum(sign * reach)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, bucket timestamptz, query uuid, sentiment text, reach bigint,
                                  sign int)
                        group by 1, 2, 3, 4, 5
                        on conflict (tenant, brand_id, bucket_start, query_id, sentiment)
                        do update set mentions = mention_by_query.mentions + excluded.mentions,
                                      reach = mention_by_query.reach + excluded.reach""")
                .setParameter("rows", matches.json())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                delete from mention_by_query m
                                using jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                      as r(tenant text, brand text, bucket timestamptz, query uuid, sentiment text, sign int)
                                where r.sign < 0 and m.tenant = r.tenant and m.brand_id = r.brand
                                  and m.bucket_start = r.bucket and m.query_id = r.query and m.sentiment = r.sentiment
                                  and m.mentions = 0""")
                        .setParameter("rows", matches.json())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A listening query as an event named it. */
    public record QueryName(String tenant, String brandId, MentionRecordedReader.MatchedQuery query) {
    }

    /**
     * Keeps each query's latest name and subject (the last event of the batch that carries it), to label the
     * breakdowns; runs inside the intake's transaction.
     */
    public Uni<Void> name(Mutiny.Session session, List<QueryName> named) {
        Map<List<Object>, QueryName> latest = new LinkedHashMap<>();
        named.forEach(name -> latest.put(List.of(name.tenant(), name.brandId(), name.query().id()), name));
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        BatchRows queries = new BatchRows();
        for (QueryName name : latest.values()) {
            queries.add().put("tenant", name.tenant()).put("brand", name.brandId())
                    .put("query", name.query().id().toString()).put("name", name.query().name())
                    .put("subject", name.query().aboutCompetitor() ? "competitor" : "brand")
                    .put("competitor", name.query().competitor());
        }
        return session.createNativeQuery("""
                        insert into listening_query (tenant, brand_id, query_id, name, subject, competitor)
                        select tenant, brand, query, name, subject, competitor
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, query uuid, name text, subject text, competitor text)
                        on conflict (tenant, brand_id, query_id) do update
                        set name = excluded.name, subject = excluded.subject, competitor = excluded.competitor
                        where (listening_query.name, listening_query.subject, listening_query.competitor)
                              is distinct from (excluded.name, excluded.subject, excluded.competitor)""")
                .setParameter("rows", queries.json())
                .executeUpdate()
                .replaceWithVoid();
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
