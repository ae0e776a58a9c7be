package io.tribu.publishing.review;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** The SQL of review polling: the locations' cursors, the reviews announced, their outbox rows. */
@ApplicationScoped
public class ReviewPolls {

    /** A location the poller holds, with its cursor. */
    record Claimed(UUID channelId, String tenant, String brandId, String handle, String baseUrl, String credentials,
                   String pageToken, Instant sweepStartedAt, Instant watermark) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("channel_id"), row.getString("tenant"), row.getString("brand_id"), row.getString("handle"),
                    row.getString("base_url"), row.getString("credentials"), row.getString("page_token"),
                    instant(row.getOffsetDateTime("sweep_started_at")), instant(row.getOffsetDateTime("watermark")));
        }
    }

    /** A review read: its id and the updateTime stored for it. */
    record Seen(String reviewId, Instant updateTime) {
    }

    private static final String ENROL = """
            insert into review_poll (channel_id, tenant, brand_id, next_poll_at)
            select id, tenant, brand_id, $1 from channel where network = 'google_business'
            on conflict (channel_id) do nothing""";

    private static final String CLAIM = """
            with due as (
              select channel_id from review_poll
              where next_poll_at <= $3 and (lease_until is null or lease_until < $3)
              order by next_poll_at
              limit $1
              for update skip locked)
            update review_poll p set lease_owner = $2, lease_until = $4
            from due, channel c where p.channel_id = due.channel_id and c.id = p.channel_id
            returning p.*, c.handle, c.base_url, c.credentials""";

    private final Pool pool;
    private final Outbox outbox;
    private final String topic;

    public ReviewPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.topic = config.topics().reviews();
    }

    /** Locations connected since the last tick get their poll row, due at once. */
    Uni<Void> enrol(Instant now) {
        return pool.preparedQuery(ENROL).execute(Tuple.of(utc(now))).replaceWithVoid();
    }

    Uni<List<Claimed>> claim(String worker, int batchSize, Instant now, Instant leaseUntil) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(batchSize, worker, utc(now), utc(leaseUntil)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList()));
    }

    /** The updateTime announced of these reviews of the location. */
    Uni<Map<String, Instant>> known(UUID channelId, List<String> reviewIds) {
        return pool.preparedQuery("select review_id, update_time from google_review where channel_id = $1 and review_id = any($2)")
                .execute(Tuple.of(channelId, reviewIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Instant> known = new HashMap<>();
                    rows.forEach(row -> known.put(row.getString("review_id"), row.getOffsetDateTime("update_time").toInstant()));
                    return known;
                });
    }

    /**
     * Stores a page: the reviews read (with their updateTime), the events of those announced, and the cursor moved on
     * (pageToken null: the sweep is complete, the next starts at {@code nextPollAt}), in one transaction, only while
     * {@code worker} holds the location. Returns whether it was stored.
     */
    Uni<Boolean> store(String worker, Claimed location, List<Seen> seen, List<ReviewCollected> announced, String pageToken,
                       Instant sweepStartedAt, Instant nextPollAt) {
        return pool.withTransaction(connection -> connection.preparedQuery(pageToken == null ? """
                                update review_poll set page_token = null, sweep_started_at = null, watermark = $3,
                                       next_poll_at = $4, last_error = null, last_error_at = null, lease_owner = null, lease_until = null
                                where channel_id = $1 and lease_owner = $2""" : """
                                update review_poll set page_token = $4, sweep_started_at = $3, last_error = null, last_error_at = null
                                where channel_id = $1 and lease_owner = $2""")
                .execute(pageToken == null
                        ? Tuple.of(location.channelId(), worker, utc(sweepStartedAt), utc(nextPollAt))
                        : Tuple.of(location.channelId(), worker, utc(sweepStartedAt), pageToken))
                .chain(moved -> {
                    if (moved.rowCount() != 1) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> reviews = seen.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                    insert into google_review (channel_id, review_id, update_time)
                                    select $1, id, updated from unnest($2::text[], $3::timestamptz[]) as t(id, updated)
                                    on conflict (channel_id, review_id) do update
                                      set update_time = greatest(google_review.update_time, excluded.update_time)""")
                            .execute(Tuple.of(location.channelId(), seen.stream().map(Seen::reviewId).toArray(String[]::new),
                                    seen.stream().map(s -> utc(s.updateTime())).toArray(OffsetDateTime[]::new)))
                            .replaceWithVoid();
                    return reviews.chain(() -> outbox.appendAll(connection, announced.stream()
                                    .map(event -> new Outbox.Pending(topic, location.tenant(), location.brandId(), ReviewCollected.TYPE, event))
                                    .toList()))
                            .replaceWith(true);
                }));
    }

    /** Stops until {@code next} (an error), the cursor kept: the sweep goes on from where it was. */
    Uni<Void> pause(String worker, UUID channelId, Instant next, String error, Instant now) {
        return pool.preparedQuery("""
                        update review_poll set next_poll_at = $3, last_error = $4, last_error_at = $5, lease_owner = null, lease_until = null
                        where channel_id = $1 and lease_owner = $2""")
                .execute(Tuple.from(Arrays.asList(channelId, worker, utc(next), error, error == null ? null : utc(now))))
                .replaceWithVoid();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
