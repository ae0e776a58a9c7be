package io.tribu.publishing.comment;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** The SQL of YouTube comment polling: the channels' cursors and quota, the comments announced, their outbox rows. */
@ApplicationScoped
public class CommentPolls {

    /** A channel the poller holds, with its cursor. */
    record Claimed(UUID channelId, String tenant, String brandId, String handle, String baseUrl, String credentials,
                   String pageToken, Instant sweepStartedAt, Instant watermark) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("channel_id"), row.getString("tenant"), row.getString("brand_id"), row.getString("handle"),
                    row.getString("base_url"), row.getString("credentials"), row.getString("page_token"),
                    instant(row.getOffsetDateTime("sweep_started_at")), instant(row.getOffsetDateTime("watermark")));
        }
    }

    /** What was announced of a comment: its updatedAt and, for a top-level one, its replies counted then. */
    record Known(Instant updatedAt, int replyCount) {
    }

    private static final String ENROL = """
            insert into youtube_poll (channel_id, tenant, brand_id, next_poll_at)
            select id, tenant, brand_id, $1 from channel where network = 'youtube'
            on conflict (channel_id) do nothing""";

    private static final String CLAIM = """
            with due as (
              select channel_id from youtube_poll
              where next_poll_at <= $3 and (lease_until is null or lease_until < $3)
              order by next_poll_at
              limit $1
              for update skip locked)
            update youtube_poll p set lease_owner = $2, lease_until = $4
            from due, channel c where p.channel_id = due.channel_id and c.id = p.channel_id
            returning p.*, c.handle, c.base_url, c.credentials""";

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
    private final Outbox outbox;
    private final String topic;

    public CommentPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.topic = config.topics().comments();
    }

    /** YouTube channels connected since the last tick get their poll row, due at once. */
    Uni<Void> enrol(Instant now) {
        return pool.preparedQuery(ENROL).execute(Tuple.of(utc(now))).replaceWithVoid();
    }

    Uni<List<Claimed>> claim(String worker, int batchSize, Instant now, Instant leaseUntil) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(batchSize, worker, utc(now), utc(leaseUntil)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList()));
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
     * moved on (pageToken null: the sweep is complete, the next starts at {@code nextPollAt}), in one transaction,
     * only while {@code worker} holds the channel. Returns whether it was stored.
     */
    Uni<Boolean> store(String worker, Claimed channel, List<Seen> seen, List<CommentCollected> announced, String pageToken,
                       Instant sweepStartedAt, Instant nextPollAt) {
        return pool.withTransaction(connection -> connection.preparedQuery(pageToken == null ? """
                                update youtube_poll set page_token = null, sweep_started_at = null, watermark = $3,
                                       next_poll_at = $4, last_error = null, last_error_at = null, lease_owner = null, lease_until = null,
                                       failing_since = null, auth_failure = false
                                where channel_id = $1 and lease_owner = $2""" : """
                                update youtube_poll set page_token = $4, sweep_started_at = $3, last_error = null, last_error_at = null,
                                       failing_since = null, auth_failure = false
                                where channel_id = $1 and lease_owner = $2""")
                .execute(pageToken == null
                        ? Tuple.of(channel.channelId(), worker, utc(sweepStartedAt), utc(nextPollAt))
                        : Tuple.of(channel.channelId(), worker, utc(sweepStartedAt), pageToken))
                .chain(moved -> {
                    if (moved.rowCount() != 1) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> comments = seen.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                    insert into youtube_comment (channel_id, comment_id, updated_at, reply_count)
                                    select $1, id, updated, replies from unnest($2::text[], $3::timestamptz[], $4::int[]) as t(id, updated, replies)
                                    on conflict (channel_id, comment_id) do update
                                      set updated_at = greatest(youtube_comment.updated_at, excluded.updated_at),
                                          reply_count = excluded.reply_count""")
                            .execute(Tuple.of(channel.channelId(), seen.stream().map(Seen::commentId).toArray(String[]::new),
                                    seen.stream().map(s -> utc(s.updatedAt())).toArray(OffsetDateTime[]::new),
                                    seen.stream().map(Seen::replyCount).toArray(Integer[]::new)))
                            .replaceWithVoid();
                    return comments.chain(() -> outbox.appendAll(connection, announced.stream()
                                    .map(event -> new Outbox.Pending(topic, channel.tenant(), channel.brandId(), CommentCollected.TYPE, event))
                                    .toList()))
                            .replaceWith(true);
                }));
    }

    /** A comment read, as stored in {@code youtube_comment}. */
    record Seen(String commentId, Instant updatedAt, int replyCount) {
    }

    /**
     * Stops until {@code next} (an error, a spent budget), the cursor kept: the sweep goes on from where it was. A
     * {@code failure} starts (or goes on with) the channel's failing time; a spent quota day ends it: the calls worked.
     */
    Uni<Void> pause(String worker, UUID channelId, Instant next, String error, boolean failure, boolean auth, Instant now) {
        return pool.preparedQuery("""
                        update youtube_poll set next_poll_at = $3, last_error = $4, last_error_at = $5, lease_owner = null, lease_until = null,
                               failing_since = case when $6 then coalesce(failing_since, $5) end, auth_failure = $7
                        where channel_id = $1 and lease_owner = $2""")
                .execute(Tuple.from(Arrays.asList(channelId, worker, utc(next), error, utc(now), failure, auth)))
                .replaceWithVoid();
    }

    /** When the channel failing the longest began to fail; null: none is failing. */
    Uni<Instant> failingSince() {
        return pool.query("select min(failing_since) as since from youtube_poll").execute()
                .map(rows -> instant(rows.iterator().next().getOffsetDateTime("since")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
