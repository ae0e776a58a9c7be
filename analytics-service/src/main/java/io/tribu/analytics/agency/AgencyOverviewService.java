package io.tribu.analytics.agency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.crisis.CrisisDetector;
import io.tribu.analytics.crisis.NegativeShareDetector;
import io.tribu.analytics.event.BatchRows;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every brand of the agency at a glance: its mentions in the last hours against the hours before, and the volume or
 * negative-share anomalies among them (the crisis detectors of {@code /crisis}, with their defaults). Three statements
 * whatever the number of brands: they read only the hours the detectors compare (the window, the window before, and
 * the same hours of the 8 weeks before), not the weeks between.
 */
@ApplicationScoped
public class AgencyOverviewService {

    static final double SENSITIVITY = 4;
    static final long MINIMUM_MENTIONS = 10;

    /** One brand's line. */
    public record BrandOverview(String brandId, String name, long mentions, long previousMentions, long negative,
                                long scored, Double negativeShare, boolean alarm, List<Anomaly> anomalies) {
    }

    /**
     * A crisis episode that touches the window: {@code kind} {@code volume} or {@code negative-share}; {@code ongoing}
     * when it reaches the last hour.
     */
    public record Anomaly(@Schema(enumeration = {"volume", "negative-share"}) String kind, Instant start, Instant end,
                          Instant peak, long mentions, boolean ongoing) {
    }

    @WithSession
    public Uni<List<BrandOverview>> overview(String tenant, Collection<String> brands, Instant previousFrom,
                                             Instant from, Instant to) {
        if (brands.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        BatchRows rows = new BatchRows();
        brands.forEach(brand -> rows.add().put("brand", brand));
        return Panache.getSession().chain(session -> brands(session, tenant, rows)
                .chain(named -> hours(session, tenant, rows, from, previousFrom, to)
                .map(hours -> lines(named, hours, previousFrom, from, to))));
    }

    private record Brand(String name, Instant firstData) {
    }

    /** Per brand: its display name and its first hour of data (the detectors' history starts there). */
    private static Uni<Map<String, Brand>> brands(Mutiny.Session session, String tenant, BatchRows rows) {
        return session.createNativeQuery("""
                        select r.brand,
                               (select n.name from brand_name n where n.tenant = :tenant and n.brand_id = r.brand),
                               (select min(v.bucket_start) from mention_volume v where v.tenant = :tenant and v.brand_id = r.brand)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(brand text)""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("rows", rows.json())
                .getResultList()
                .map(found -> {
                    Map<String, Brand> brands = new HashMap<>();
                    found.forEach(row -> brands.put((String) row[0], new Brand((String) row[1], instant(row[2]))));
                    return brands;
                });
    }

    /** Per brand and UTC hour read: {mentions, negative, scored}. */
    private static Uni<Map<String, Map<Instant, long[]>>> hours(Mutiny.Session session, String tenant, BatchRows rows,
                                                                 Instant windowStart, Instant previousStart, Instant to) {
        return session.createNativeQuery("""
                        with hours as (
                            select h - make_interval(days => 7 * w) as hour
                            from generate_series(cast(:window as timestamptz), cast(:to as timestamptz) - interval '1 microsecond',
                                                 interval '1 hour') h,
                                 generate_series(0, :weeks) w
                            union
                            select generate_series(cast(:previous as timestamptz), cast(:window as timestamptz) - interval '1 hour',
                                                   interval '1 hour')),
                        brands as (select brand from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(brand text)),
                        volume as (
                            select v.brand_id, v.bucket_start, v.mentions from mention_volume v
                            where v.tenant = :tenant and v.brand_id in (select brand from brands)
                              and v.bucket_start in (select hour from hours)),
                        sentiment as (
                            select b.brand_id, b.bucket_start, sum(b.mentions) filter (where b.sentiment = 'negative') as negative,
                                   sum(b.mentions) filter (where b.sentiment <> 'unscored') as scored
                            from mention_breakdown b
                            where b.tenant = :tenant and b.brand_id in (select brand from brands)
                              and b.bucket_start in (select hour from hours)
                            group by 1, 2)
                        select coalesce(v.brand_id, s.brand_id), coalesce(v.bucket_start, s.bucket_start), v.mentions,
                               s.negative, s.scored
                        from volume v full join sentiment s on s.brand_id = v.brand_id and s.bucket_start = v.bucket_start""",
                        Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("rows", rows.json())
                .setParameter("window", windowStart)
                .setParameter("previous", previousStart)
                .setParameter("to", to)
                .setParameter("weeks", CrisisDetector.BASELINE_WEEKS)
                .getResultList()
                .map(found -> {
                    Map<String, Map<Instant, long[]>> hours = new HashMap<>();
                    for (Object[] row : found) {
                        hours.computeIfAbsent((String) row[0], brand -> new HashMap<>())
                                .put(instant(row[1]), new long[]{number(row[2]), number(row[3]), number(row[4])});
                    }
                    return hours;
                });
    }

    private static List<BrandOverview> lines(Map<String, Brand> brands, Map<String, Map<Instant, long[]>> hours,
                                             Instant previousStart, Instant windowStart, Instant to) {
        Instant lastHour = to.minusNanos(1).truncatedTo(ChronoUnit.HOURS);
        List<BrandOverview> lines = new ArrayList<>();
        brands.forEach((brandId, brand) -> {
            Map<Instant, long[]> counts = hours.getOrDefault(brandId, Map.of());
            Map<Instant, Long> volume = new HashMap<>();
            Map<Instant, NegativeShareDetector.HourSentiment> sentiment = new HashMap<>();
            long mentions = 0;
            long previous = 0;
            long negative = 0;
            long scored = 0;
            for (Map.Entry<Instant, long[]> hour : counts.entrySet()) {
                long[] c = hour.getValue();
                volume.put(hour.getKey(), c[0]);
                sentiment.put(hour.getKey(), new NegativeShareDetector.HourSentiment(c[1], c[2]));
                if (!hour.getKey().isBefore(windowStart)) {
                    mentions += c[0];
                    negative += c[1];
                    scored += c[2];
                } else if (!hour.getKey().isBefore(previousStart)) {
                    previous += c[0];
                }
            }
            List<Anomaly> anomalies = new ArrayList<>();
            new CrisisDetector(SENSITIVITY, MINIMUM_MENTIONS).episodes(volume, brand.firstData(), windowStart, to)
                    .forEach(e -> anomalies.add(new Anomaly("volume", e.start(), e.end(), e.peak(), e.mentions(),
                            !e.end().isBefore(lastHour.plus(Duration.ofHours(1))))));
            new NegativeShareDetector(SENSITIVITY, MINIMUM_MENTIONS).episodes(sentiment, brand.firstData(), windowStart, to)
                    .forEach(e -> anomalies.add(new Anomaly("negative-share", e.start(), e.end(), e.peak(), e.negative(),
                            !e.end().isBefore(lastHour.plus(Duration.ofHours(1))))));
            anomalies.sort(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::kind));
            lines.add(new BrandOverview(brandId, brand.name() == null ? brandId : brand.name(), mentions, previous,
                    negative, scored, scored == 0 ? null : Math.round(negative * 10_000.0 / scored) / 10_000.0,
                    anomalies.stream().anyMatch(Anomaly::ongoing), List.copyOf(anomalies)));
        });
        // Brands in alarm first, then the loudest.
        lines.sort(Comparator.comparing(BrandOverview::alarm).reversed()
                .thenComparing(Comparator.comparingLong(BrandOverview::mentions).reversed())
                .thenComparing(BrandOverview::brandId));
        return lines;
    }

    private static long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
