package io.tribu.analytics.engagement;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published post variants with their latest engagement snapshot, and the engagement measures over
 * them. Measures are by publication time: a post's engagement counts in the period (bucket, cell)
 * it was published in, whenever it was collected. Only variants with a snapshot enter the sums.
 */
@ApplicationScoped
public class PostEngagementService {

    /** The 7 columns {@link EngagementFigures.Tally#add} reads, over rows of post_engagement. */
    static final String FIGURES = """
            count(*), sum(likes), sum(comments), sum(shares), sum(impressions),
            sum(likes + comments + shares) filter (where impressions > 0), sum(impressions) filter (where impressions > 0)""";

    private final ObjectMapper json;

    public PostEngagementService(ObjectMapper json) {
        this.json = json;
    }

    /** A published variant is known before its first snapshot; a snapshot seen first already holds it all. */
    @WithSpan
    public Uni<Void> published(Mutiny.Session session, PostPublishedReader event) {
        PostPublishedReader.Data data = event.data();
        return session.createNativeQuery("""
                        insert into post_engagement (tenant, brand_id, variant_id, post_id, channel_id, network,
                                                     external_id, url, published_at)
                        values (:tenant, :brand, :variant, :post, :channel, :network, :externalId, :url, :publishedAt)
                        on conflict (tenant, brand_id, variant_id) do nothing""")
                .setParameter("tenant", event.tenant())
                .setParameter("brand", data.brandId())
                .setParameter("variant", data.deliveryId())
                .setParameter("post", data.postId())
                .setParameter("channel", data.channelId())
                .setParameter("network", data.network())
                .setParameter("externalId", data.externalId())
                .setParameter("url", data.url())
                .setParameter("publishedAt", data.publishedAt())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Keeps the latest snapshot per variant, one statement for the batch: within the batch the latest
     * {@code collectedAt} of each variant wins (equal ones: the later event), and it replaces the stored one
     * only if it was collected later, so a replayed or late older snapshot changes nothing.
     */
    @WithSpan
    public Uni<Void> collected(Mutiny.Session session, List<EngagementCollectedReader> events) {
        Map<List<Object>, EngagementCollectedReader> latest = new LinkedHashMap<>();
        for (EngagementCollectedReader event : events) {
            EngagementCollectedReader.Data data = event.data();
            latest.merge(List.of(event.tenant(), data.brandId(), data.variantId()), event, (kept, next) ->
                    next.data().collectedAt().isBefore(kept.data().collectedAt()) ? kept : next);
        }
        BatchRows rows = new BatchRows();
        for (EngagementCollectedReader event : latest.values()) {
            EngagementCollectedReader.Data data = event.data();
            ArrayNode tags = rows.add().put("tenant", event.tenant()).put("brand", data.brandId())
                    .put("variant", data.variantId().toString()).put("post", data.postId().toString())
                    .put("channel", data.channelId().toString()).put("network", data.network())
                    .put("external_id", data.externalId()).put("url", data.url()).put("content_type", data.contentType())
                    .put("published", data.publishedAt().toString()).put("collected", data.collectedAt().toString())
                    .put("likes", data.likes()).put("comments", data.comments()).put("shares", data.shares())
                    .put("impressions", data.impressions())
                    .putArray("tags");
            data.tagList().forEach(tags::add);
        }
        return session.createNativeQuery("""
                        insert into post_engagement (tenant, brand_id, variant_id, post_id, channel_id, network,
                                                     external_id, url, content_type, tags, published_at,
                                                     collected_at, likes, comments, shares, impressions)
                        select tenant, brand, variant, post, channel, network, external_id, url, content_type, tags,
                               published, collected, likes, comments, shares, impressions
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, variant uuid, post uuid, channel uuid, network text,
                                  external_id text, url text, content_type text, tags text[], published timestamptz,
                                  collected timestamptz, likes bigint, comments bigint, shares bigint, impressions bigint)
                        on conflict (tenant, brand_id, variant_id) do update
                        set channel_id = excluded.channel_id, network = excluded.network,
                            external_id = excluded.external_id, url = coalesce(excluded.url, post_engagement.url),
                            content_type = excluded.content_type, tags = excluded.tags,
                            published_at = excluded.published_at, collected_at = excluded.collected_at,
                            likes = excluded.likes, comments = excluded.comments, shares = excluded.shares,
                            impressions = excluded.impressions
                        where post_engagement.collected_at is null
                           or post_engagement.collected_at < excluded.collected_at""")
                .setParameter("rows", rows.json())
                .executeUpdate()
                .replaceWithVoid();
    }

    public record PostRow(UUID variantId, UUID postId, UUID channelId, String network, String contentType,
                          List<String> tags, String url, OffsetDateTime publishedAt, OffsetDateTime collectedAt,
                          Long likes, Long comments, Long shares, Long impressions, Long engagement,
                          Double engagementRate) {
    }

    public record Slice(String value, String network, EngagementFigures figures) {
    }

    public record Bucket(OffsetDateTime start, EngagementFigures figures) {
    }

    public record Series(EngagementFigures total, List<Bucket> buckets) {
    }

    /** Posts published in the period (on one channel, or all), most engaging first; never collected ones last. */
    @WithSession
    public Uni<List<PostRow>> posts(String tenant, String brandId, ReportingPeriod period, UUID channelId, int limit) {
        return Panache.getSession().chain(session -> withFilters(session.createNativeQuery("""
                        select cast(variant_id as text), cast(post_id as text), cast(channel_id as text), network,
                               content_type, cast(to_jsonb(tags) as text), url, published_at, collected_at,
                               likes, comments, shares, impressions
                        from post_engagement
                        where tenant = :tenant and brand_id = :brand and published_at >= :from and published_at < :to
                        %s
                        order by likes + comments + shares desc nulls last, published_at desc, variant_id
                        limit :limit""".formatted(channelClause(channelId)), Object[].class),
                        tenant, brandId, period, channelId)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(this::postRow).toList()));
    }

    /** Engagement per channel, content type or tag (a post with two tags counts under each), largest first. */
    @WithSession
    public Uni<List<Slice>> breakdown(String tenant, String brandId, ReportingPeriod period, UUID channelId,
                                      Dimension by) {
        String sql = switch (by) {
            case CHANNEL -> """
                    select cast(channel_id as text), min(network), %s from post_engagement
                    where tenant = :tenant and brand_id = :brand and published_at >= :from and published_at < :to
                      and collected_at is not null %s
                    group by channel_id""";
            case CONTENT_TYPE -> """
                    select coalesce(content_type, 'unknown'), null, %s from post_engagement
                    where tenant = :tenant and brand_id = :brand and published_at >= :from and published_at < :to
                      and collected_at is not null %s
                    group by 1""";
            case TAG -> """
                    select tag, null, %s from post_engagement, unnest(tags) as tag
                    where tenant = :tenant and brand_id = :brand and published_at >= :from and published_at < :to
                      and collected_at is not null %s
                    group by tag""";
        };
        return Panache.getSession().chain(session -> withFilters(session.createNativeQuery(
                        sql.formatted(FIGURES, channelClause(channelId)), Object[].class), tenant, brandId, period, channelId)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> new Slice((String) row[0], (String) row[1],
                                new EngagementFigures.Tally().add(row, 2).figures()))
                        .sorted(Comparator.comparingLong((Slice slice) -> slice.figures().engagement()).reversed()
                                .thenComparing(Slice::value))
                        .toList()));
    }

    /** Every bucket of the period (empty ones as zero posts) by publication time in the bucketing's zone. */
    @WithSession
    public Uni<Series> series(String tenant, String brandId, ReportingPeriod period, UUID channelId,
                                    Bucketing bucketing) {
        return Panache.getSession().chain(session -> withFilters(session.createNativeQuery("""
                        select date_trunc(cast(:unit as text), published_at at time zone cast(:tz as text)), %s
                        from post_engagement
                        where tenant = :tenant and brand_id = :brand and published_at >= :from and published_at < :to
                          and collected_at is not null %s
                        group by 1""".formatted(FIGURES, channelClause(channelId)), Object[].class),
                        tenant, brandId, period, channelId)
                .setParameter("unit", bucketing.unit())
                .setParameter("tz", bucketing.zone().getId())
                .getResultList()
                .map(rows -> {
                    Map<LocalDateTime, EngagementFigures.Tally> buckets = new LinkedHashMap<>();
                    bucketing.localStarts(period).forEach(start -> buckets.put(start, new EngagementFigures.Tally()));
                    EngagementFigures.Tally total = new EngagementFigures.Tally();
                    for (Object[] row : rows) {
                        buckets.computeIfAbsent(localTime(row[0]), start -> new EngagementFigures.Tally()).add(row, 1);
                        total.add(row, 1);
                    }
                    return new Series(total.figures(), buckets.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(entry -> new Bucket(bucketing.start(entry.getKey()), entry.getValue().figures()))
                            .toList());
                }));
    }

    /**
     * Posts and summed engagement per ISO day of week (1 = Monday) and local hour of publication in the
     * zone: {@code [dow, hour, brandPosts, brandEngagement, channelPosts, channelEngagement]}, the channel
     * columns zero when no channel is given.
     */
    @WithSession
    public Uni<List<long[]>> weekHours(String tenant, String brandId, ReportingPeriod period, UUID channelId,
                                       java.time.ZoneId zone) {
        String channelSum = channelId == null ? "0, 0" : """
                count(*) filter (where channel_id = cast(:channel as uuid)),
                sum(likes + comments + shares) filter (where channel_id = cast(:channel as uuid))""";
        var query = Panache.getSession().map(session -> session.createNativeQuery("""
                select cast(extract(isodow from published_at at time zone cast(:tz as text)) as int),
                       cast(extract(hour from published_at at time zone cast(:tz as text)) as int),
                       count(*), sum(likes + comments + shares), %s
                from post_engagement
                where tenant = :tenant and brand_id = :brand and published_at >= :from and published_at < :to
                  and collected_at is not null
                group by 1, 2""".formatted(channelSum), Object[].class)
                .setParameter("tz", zone.getId())
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from())
                .setParameter("to", period.to()));
        return query.chain(prepared -> (channelId == null ? prepared : prepared.setParameter("channel", channelId.toString()))
                .getResultList()
                .map(rows -> rows.stream().map(row -> new long[]{number(row[0]), number(row[1]), number(row[2]),
                        number(row[3]), number(row[4]), number(row[5])}).toList()));
    }

    public enum Dimension {
        CHANNEL, CONTENT_TYPE, TAG
    }

    private static String channelClause(UUID channelId) {
        return channelId == null ? "" : "and channel_id = cast(:channel as uuid)";
    }

    private static <T> Mutiny.SelectionQuery<T> withFilters(Mutiny.SelectionQuery<T> query, String tenant, String brandId,
                                                             ReportingPeriod period, UUID channelId) {
        query.setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from())
                .setParameter("to", period.to());
        if (channelId != null) {
            query.setParameter("channel", channelId.toString());
        }
        return query;
    }

    private PostRow postRow(Object[] row) {
        Long likes = nullableNumber(row[9]);
        Long comments = nullableNumber(row[10]);
        Long shares = nullableNumber(row[11]);
        Long impressions = nullableNumber(row[12]);
        Long engagement = likes == null ? null : likes + comments + shares;
        return new PostRow(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                UUID.fromString((String) row[2]), (String) row[3], (String) row[4], tags((String) row[5]),
                (String) row[6], offset(row[7]), row[8] == null ? null : offset(row[8]), likes, comments, shares,
                impressions, engagement,
                engagement == null || impressions == null ? null : EngagementFigures.rate(engagement, impressions));
    }

    private List<String> tags(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored tags", e);
        }
    }

    static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        Instant instant = value instanceof Instant at ? at : ((java.sql.Timestamp) value).toInstant();
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static LocalDateTime localTime(Object value) {
        if (value instanceof LocalDateTime local) {
            return local;
        }
        return ((java.sql.Timestamp) value).toLocalDateTime();
    }

    private static long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static Long nullableNumber(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
