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
import java.util.UUID;

import static io.tribu.publishing.poll.PolledCursors.utc;

/**
 * The SQL of YouTube comment polling: the channels' quota; the cursors are {@link PolledCursors}' ({@code youtube_poll}), the
 * comments announced {@link SeenComments}' ({@code youtube_comment}).
 */
@ApplicationScoped
public class CommentPolls {

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
    private final PolledCursors cursors;
    private final SeenComments seen;

    public CommentPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.cursors = new PolledCursors(pool, outbox, "youtube_poll", "youtube");
        this.seen = new SeenComments(pool, "youtube_comment", config.topics().comments(), cursors);
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

    /** The comments announced ({@code youtube_comment}). */
    SeenComments seen() {
        return seen;
    }
}
