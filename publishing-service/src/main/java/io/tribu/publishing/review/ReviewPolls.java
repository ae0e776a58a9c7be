package io.tribu.publishing.review;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tribu.publishing.poll.PolledCursors.utc;

/** The SQL of review polling: the reviews announced; the cursors are {@link PolledCursors}' ({@code review_poll}). */
@ApplicationScoped
public class ReviewPolls {

    /** A review read: its id and the updateTime stored for it. */
    record Seen(String reviewId, Instant updateTime) {
    }

    private final Pool pool;
    private final String topic;
    private final PolledCursors cursors;

    public ReviewPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.topic = config.topics().reviews();
        this.cursors = new PolledCursors(pool, outbox, "review_poll", "google_business");
    }

    /** The channels' cursors ({@code review_poll}). */
    PolledCursors cursors() {
        return cursors;
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
     * ({@link PolledCursors#store}). Returns whether it was stored.
     */
    Uni<Boolean> store(Sweep<?> sweep, List<Seen> seen, List<ReviewCollected> announced, String pageToken) {
        PolledCursors.Cursor location = sweep.channel();
        return cursors.store(sweep, pageToken,
                connection -> seen.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                insert into google_review (channel_id, review_id, update_time)
                                select $1, id, updated from unnest($2::text[], $3::timestamptz[]) as t(id, updated)
                                on conflict (channel_id, review_id) do update
                                  set update_time = greatest(google_review.update_time, excluded.update_time)""")
                        .execute(Tuple.of(location.channelId(), seen.stream().map(Seen::reviewId).toArray(String[]::new),
                                seen.stream().map(s -> utc(s.updateTime())).toArray(OffsetDateTime[]::new)))
                        .replaceWithVoid(),
                announced.stream()
                        .map(event -> new Outbox.Pending(topic, location.tenant(), location.brandId(), ReviewCollected.TYPE, event))
                        .toList());
    }
}
