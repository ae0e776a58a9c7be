package io.tribu.publishing.comment;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tribu.publishing.poll.PolledCursors.utc;

/**
 * The comments a network's poller announced, one row per channel and comment in {@code table} ({@code youtube_comment},
 * {@code linkedin_comment}): what is known of the comments read (a comment read again unchanged announces nothing), and
 * a page stored with its events and the cursor moved on, in one transaction ({@link PolledCursors#store}).
 */
final class SeenComments {

    /** What was announced of a comment: its update time and, for a top-level one, its replies counted then. */
    record Known(Instant updatedAt, int replyCount) {
    }

    /** A comment read, as stored. */
    record Seen(String commentId, Instant updatedAt, int replyCount) {
    }

    private final Pool pool;
    private final String table;
    private final String topic;
    private final PolledCursors cursors;

    /** {@code table} is the service's own constant, never input. */
    SeenComments(Pool pool, String table, String topic, PolledCursors cursors) {
        this.pool = pool;
        this.table = table;
        this.topic = topic;
        this.cursors = cursors;
    }

    /** How a comment read now changed since {@code before} was announced: new, edited, or null (nothing to announce). */
    static String change(Known before, Instant updatedAt) {
        // Stored to the microsecond: compared the same way, a time never read as later than itself.
        return before == null ? CommentCollected.NEW
                : updatedAt.truncatedTo(ChronoUnit.MICROS).isAfter(before.updatedAt()) ? CommentCollected.EDITED : null;
    }

    /** What was announced of these comments of the channel. */
    Uni<Map<String, Known>> known(UUID channelId, List<String> commentIds) {
        return pool.preparedQuery("select comment_id, updated_at, reply_count from " + table
                        + " where channel_id = $1 and comment_id = any($2)")
                .execute(Tuple.of(channelId, commentIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Known> known = new HashMap<>();
                    rows.forEach(row -> known.put(row.getString("comment_id"),
                            new Known(row.getOffsetDateTime("updated_at").toInstant(), row.getInteger("reply_count"))));
                    return known;
                });
    }

    /**
     * Stores a page: the comments read (with their update times and reply counts), the events of those announced, and
     * the cursor moved on ({@link PolledCursors#store}). Returns whether it was stored.
     */
    Uni<Boolean> store(Sweep<?> sweep, List<Seen> seen, List<CommentCollected> announced, String pageToken) {
        PolledCursors.Cursor channel = sweep.channel();
        return cursors.store(sweep, pageToken,
                connection -> seen.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                insert into %1$s (channel_id, comment_id, updated_at, reply_count)
                                select $1, id, updated, replies from unnest($2::text[], $3::timestamptz[], $4::int[]) as t(id, updated, replies)
                                on conflict (channel_id, comment_id) do update
                                  set updated_at = greatest(%1$s.updated_at, excluded.updated_at),
                                      reply_count = excluded.reply_count""".formatted(table))
                        .execute(Tuple.of(channel.channelId(), seen.stream().map(Seen::commentId).toArray(String[]::new),
                                seen.stream().map(s -> utc(s.updatedAt())).toArray(OffsetDateTime[]::new),
                                seen.stream().map(Seen::replyCount).toArray(Integer[]::new)))
                        .replaceWithVoid(),
                announced.stream()
                        .map(event -> new Outbox.Pending(topic, channel.tenant(), channel.brandId(), CommentCollected.TYPE, event))
                        .toList());
    }
}
