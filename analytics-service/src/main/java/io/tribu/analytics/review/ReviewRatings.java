package io.tribu.analytics.review;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SQL of review stars: each review as it stands, and their averages per location over time. */
@ApplicationScoped
public class ReviewRatings {

    /** Stores the review's stars, unless a later update is already stored; a review without stars is not kept. */
    @WithSpan
    public Uni<Void> record(Mutiny.Session session, ReviewCollectedReader event) {
        ReviewCollectedReader.Data data = event.data();
        if (data.rating() == null) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        insert into review_rating (tenant, brand_id, channel_id, review_id, location_id, rating, published_at,
                                                   updated_at)
                        values (:tenant, :brand, :channel, :review, :location, :rating, :published, :updated)
                        on conflict (tenant, channel_id, review_id) do update
                          set rating = excluded.rating, updated_at = excluded.updated_at
                          where review_rating.updated_at < excluded.updated_at""")
                .setParameter("tenant", event.tenant())
                .setParameter("brand", data.brandId())
                .setParameter("channel", data.channelId())
                .setParameter("review", data.reviewId())
                .setParameter("location", data.locationId())
                .setParameter("rating", data.rating())
                .setParameter("published", data.publishedAt())
                .setParameter("updated", data.updatedAt())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * The brand's locations with a review published before the period's end (the reviews endpoint and the
     * dashboard's section): per location every bucket of the period (reviews
     * published in it and their average stars; the average of all the location's reviews published up to the bucket's
     * end), and the period's figures. Stars are the reviews' current ones.
     */
    @WithSession
    public Uni<ReviewRatingsView> view(String tenant, String brandId, ReportingPeriod period, Bucketing bucketing) {
        return series(tenant, brandId, period, bucketing).map(locations -> new ReviewRatingsView(brandId, period.from(),
                period.to(), bucketing.unit(), bucketing.zone().getId(), locations));
    }

    private Uni<List<ReviewRatingsView.Location>> series(String tenant, String brandId, ReportingPeriod period, Bucketing bucketing) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select location_id,
                               case when published_at < :from then null
                                    else date_trunc(cast(:unit as text), published_at at time zone cast(:tz as text)) end,
                               count(*), sum(rating)
                        from review_rating
                        where tenant = :tenant and brand_id = :brand and published_at < :to
                        group by 1, 2""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from())
                .setParameter("to", period.to())
                .setParameter("unit", bucketing.unit())
                .setParameter("tz", bucketing.zone().getId())
                .getResultList()
                .map(rows -> locations(rows, period, bucketing)));
    }

    private static List<ReviewRatingsView.Location> locations(List<Object[]> rows, ReportingPeriod period, Bucketing bucketing) {
        // Per location: [count, sum] before the period, and per bucket start.
        Map<String, long[]> before = new TreeMap<>();
        Map<String, Map<LocalDateTime, long[]>> buckets = new TreeMap<>();
        for (Object[] row : rows) {
            String location = (String) row[0];
            long[] tally = {((Number) row[2]).longValue(), ((Number) row[3]).longValue()};
            buckets.computeIfAbsent(location, l -> new TreeMap<>());
            if (row[1] == null) {
                before.put(location, tally);
            } else {
                buckets.get(location).put(localTime(row[1]), tally);
            }
        }
        List<ReviewRatingsView.Location> locations = new ArrayList<>();
        for (Map.Entry<String, Map<LocalDateTime, long[]>> location : buckets.entrySet()) {
            long[] running = before.getOrDefault(location.getKey(), new long[2]).clone();
            long[] inPeriod = new long[2];
            Map<LocalDateTime, long[]> every = new LinkedHashMap<>();
            bucketing.localStarts(period).forEach(start -> every.put(start, location.getValue().getOrDefault(start, new long[2])));
            List<ReviewRatingsView.Bucket> series = new ArrayList<>();
            for (Map.Entry<LocalDateTime, long[]> bucket : every.entrySet()) {
                long[] tally = bucket.getValue();
                running[0] += tally[0];
                running[1] += tally[1];
                inPeriod[0] += tally[0];
                inPeriod[1] += tally[1];
                series.add(new ReviewRatingsView.Bucket(bucketing.start(bucket.getKey()), tally[0], average(tally),
                        average(running)));
            }
            locations.add(new ReviewRatingsView.Location(location.getKey(), inPeriod[0], average(inPeriod), running[0],
                    average(running), series));
        }
        return locations;
    }

    /** Two decimals; null without reviews. */
    private static Double average(long[] tally) {
        return tally[0] == 0 ? null : Math.round(100.0 * tally[1] / tally[0]) / 100.0;
    }

    private static LocalDateTime localTime(Object value) {
        return value instanceof LocalDateTime local ? local : ((java.sql.Timestamp) value).toLocalDateTime();
    }
}
