package io.tribu.publishing.comment;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of X reply polling: the account's id and its since_id cursor, the posts announced, the conversations whose
 * first post was looked up; the cursors' lease and page token are {@link PolledCursors}' ({@code x_poll}).
 */
@ApplicationScoped
public class XReplyPolls {

    /** The channel's X cursor: its account id (null until asked), since_id of the last complete sweep, the sweep's newest. */
    record Since(String userId, String sinceId, String sweepNewestId) {
    }

    private final Pool pool;
    private final String topic;
    private final PolledCursors cursors;

    public XReplyPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.topic = config.topics().comments();
        this.cursors = new PolledCursors(pool, outbox, "x_poll", "x");
    }

    /** The channels' cursors ({@code x_poll}). */
    PolledCursors cursors() {
        return cursors;
    }

    Uni<Since> since(UUID channelId) {
        return pool.preparedQuery("select user_id, since_id, sweep_newest_id from x_poll where channel_id = $1")
                .execute(Tuple.of(channelId)).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Since(row.getString("user_id"), row.getString("since_id"), row.getString("sweep_newest_id"));
                });
    }

    /** Keeps the account's id, while {@code worker} holds the channel. */
    Uni<Void> userId(String worker, UUID channelId, String userId) {
        return pool.preparedQuery("update x_poll set user_id = $3 where channel_id = $1 and lease_owner = $2")
                .execute(Tuple.of(channelId, worker, userId)).replaceWithVoid();
    }

    /** Which of these posts were announced already. */
    Uni<Set<String>> announced(UUID channelId, List<String> postIds) {
        return pool.preparedQuery("select tweet_id from x_reply where channel_id = $1 and tweet_id = any($2)")
                .execute(Tuple.of(channelId, postIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString("tweet_id")));
                    return known;
                });
    }

    /** What is known of these conversations: started by the channel's account (true) or not. */
    Uni<Map<String, Boolean>> conversations(UUID channelId, List<String> conversationIds) {
        return pool.preparedQuery("select conversation_id, own from x_conversation where channel_id = $1 and conversation_id = any($2)")
                .execute(Tuple.of(channelId, conversationIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Boolean> own = new HashMap<>();
                    rows.forEach(row -> own.put(row.getString("conversation_id"), row.getBoolean("own")));
                    return own;
                });
    }

    /**
     * Stores a page in one transaction ({@link PolledCursors#store}): the cursor moved on ({@code pageToken} null: the
     * sweep is complete and since_id becomes its newest post), the sweep's newest post, the conversations looked up,
     * the posts announced and their events. Returns whether it was stored.
     */
    Uni<Boolean> store(Sweep<?> sweep, String newestId, Map<String, Boolean> looked, List<CommentCollected> announced, String pageToken) {
        PolledCursors.Cursor channel = sweep.channel();
        List<String> conversations = List.copyOf(looked.keySet());
        return cursors.store(sweep, pageToken, connection -> connection.preparedQuery(pageToken == null
                                ? "update x_poll set since_id = coalesce($2, since_id), sweep_newest_id = null where channel_id = $1"
                                : "update x_poll set sweep_newest_id = $2 where channel_id = $1")
                        .execute(Tuple.from(Arrays.asList(channel.channelId(), newestId)))
                        .chain(() -> conversations.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                        insert into x_conversation (channel_id, conversation_id, own)
                                        select $1, id, own from unnest($2::text[], $3::boolean[]) as t(id, own)
                                        on conflict (channel_id, conversation_id) do nothing""")
                                .execute(Tuple.of(channel.channelId(), conversations.toArray(String[]::new),
                                        conversations.stream().map(looked::get).toArray(Boolean[]::new)))
                                .replaceWithVoid())
                        .chain(() -> announced.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                        insert into x_reply (channel_id, tweet_id) select $1, id from unnest($2::text[]) as t(id)
                                        on conflict (channel_id, tweet_id) do nothing""")
                                .execute(Tuple.of(channel.channelId(), announced.stream().map(CommentCollected::commentId).toArray(String[]::new)))
                                .replaceWithVoid()),
                announced.stream()
                        .map(event -> new Outbox.Pending(topic, channel.tenant(), channel.brandId(), CommentCollected.TYPE, event))
                        .toList());
    }
}
