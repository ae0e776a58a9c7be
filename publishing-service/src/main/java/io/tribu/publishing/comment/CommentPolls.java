package io.tribu.publishing.comment;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.poll.PolledCursors;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tribu.publishing.poll.PolledCursors.utc;

/**
 * The SQL of YouTube comment polling: the channels' quota, the comments announced; the cursors are {@link PolledCursors}'
 * ({@code youtube_poll}).
 */
@ApplicationScoped
public class CommentPolls {

    /** What was announced of a comment: its updatedAt and, for a top-level one, its replies counted then. */
    record Known(Instant updatedAt, int replyCount) {
    }

    private static final String SPEND = """
            update youtube_poll set quota_used = case when quota_day = $2 then quota_used + 1 else 1 end, quota_day = $2
            where channel_id = $1 and lease_owner = $4 and (quota_day is distinct from $2 or quota_used < $3)""";

    /** The channel's poll row, created due now if the channel was never polled, charged {@code $3} units of day {@code $2}. */
    private static final String CHARGE = """
            insert into youtube_poll (channel_id, tenant, brand_id, next_poll_at, quota_day, quota_used)
            select id, tenant, brand_id, $5, $2, $3 from channel where id = $1 and $3 <= $4
            on conflict (channel_id) do update
              set quota_used = case when youtube_poll.quota_day = $2 then youtube_poll.quota_used + $3 else $3 end, quota_day = $2
              where youtube_poll.quota_day is distinct from $2 or youtube_poll.quota_used + $3 <= $4""";

    private final Pool pool;
    private final String topic;
    private final PolledCursors cursors;

    public CommentPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.topic = config.topics().comments();
        this.cursors = new PolledCursors(pool, outbox, "youtube_poll", "youtube");
    }

    /** The channels' cursors ({@code youtube_poll}). */
    PolledCursors cursors() {
        return cursors;
    }

    /** Takes one quota unit of the channel's day; false when the day's budget is spent (or the lease lost). */
    Uni<Boolean> spend(String worker, UUID channelId, LocalDate quotaDay, int dailyUnits) {
        return pool.preparedQuery(SPEND).execute(Tuple.of(channelId, quotaDay, dailyUnits, worker))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Takes {@code units} of the channel's day for a write (a moderation action), whoever holds the poll lease; false
     * when they do not fit in what is left of {@code dailyUnits}.
     */
    Uni<Boolean> charge(UUID channelId, LocalDate quotaDay, int units, int dailyUnits, Instant now) {
        return pool.preparedQuery(CHARGE).execute(Tuple.of(channelId, quotaDay, units, dailyUnits, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** What was announced of these comments of the channel. */
    Uni<Map<String, Known>> known(UUID channelId, List<String> commentIds) {
        return pool.preparedQuery("select comment_id, updated_at, reply_count from youtube_comment "
                        + "where channel_id = $1 and comment_id = any($2)")
                .execute(Tuple.of(channelId, commentIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Known> known = new HashMap<>();
                    rows.forEach(row -> known.put(row.getString("comment_id"),
                            new Known(row.getOffsetDateTime("updated_at").toInstant(), row.getInteger("reply_count"))));
                    return known;
                });
    }

    /**
     * Stores a page: the comments announced (with their updatedAt and reply counts), their events, and the cursor
     * moved on ({@link PolledCursors#store}). Returns whether it was stored.
     */
    Uni<Boolean> store(String worker, PolledCursors.Cursor channel, List<Seen> seen, List<CommentCollected> announced, String pageToken,
                       Instant sweepStartedAt, Instant nextPollAt) {
        return cursors.store(worker, channel, pageToken, sweepStartedAt, nextPollAt,
                connection -> seen.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                insert into youtube_comment (channel_id, comment_id, updated_at, reply_count)
                                select $1, id, updated, replies from unnest($2::text[], $3::timestamptz[], $4::int[]) as t(id, updated, replies)
                                on conflict (channel_id, comment_id) do update
                                  set updated_at = greatest(youtube_comment.updated_at, excluded.updated_at),
                                      reply_count = excluded.reply_count""")
                        .execute(Tuple.of(channel.channelId(), seen.stream().map(Seen::commentId).toArray(String[]::new),
                                seen.stream().map(s -> utc(s.updatedAt())).toArray(OffsetDateTime[]::new),
                                seen.stream().map(Seen::replyCount).toArray(Integer[]::new)))
                        .replaceWithVoid(),
                announced.stream()
                        .map(event -> new Outbox.Pending(topic, channel.tenant(), channel.brandId(), CommentCollected.TYPE, event))
                        .toList());
    }

    /** A comment read, as stored in {@code youtube_comment}. */
    record Seen(String commentId, Instant updatedAt, int replyCount) {
    }
}
