package io.tribu.publishing.channel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The last failure and the last success of each channel of a brand, read from the delivery and moderation
 * action rows that record them (nothing is written on the delivery path for this: a burst's outcome batches
 * would otherwise all update the same few channel rows).
 */
@ApplicationScoped
public class ChannelHealth {

    /** The latest failure of a delivery or an action on the channel; {@code auth}: the network refused the token. */
    public record LastFailure(Instant at, String reason, UUID postId, UUID actionId, boolean auth) {
    }

    /**
     * A YouTube, LinkedIn or X channel's comment polling: when it polls next, the last poll's error (kept until a page
     * is stored again), since when its polls fail (a stop for the quota day is no failure), whether the token was
     * refused, the units spent (YouTube's quota; LinkedIn and X have none: null and 0).
     */
    public record Polling(Instant nextPollAt, String lastError, Instant lastErrorAt, Instant failingSince, boolean auth,
                          java.time.LocalDate quotaDay, int quotaUsed) {
    }

    /** Any may be null: nothing failed, nothing succeeded yet, no comment polling. */
    public record Outcomes(LastFailure lastFailure, Instant lastSuccessAt, Polling polling) {
        static final Outcomes NONE = new Outcomes(null, null);

        public Outcomes(LastFailure lastFailure, Instant lastSuccessAt) {
            this(lastFailure, lastSuccessAt, null);
        }
    }

    private static final String OF_BRAND = """
            select c.id, f.at as failed_at, f.reason, f.post_id, f.action_id, f.auth,
                   greatest((select max(outcome_at) from delivery
                             where channel_id = c.id and state = 'published'),
                            (select max(completed_at) from moderation_action
                             where channel_id = c.id and state = 'done')) as succeeded_at,
                   p.channel_id as polled, p.next_poll_at, p.last_error as poll_error, p.last_error_at as poll_error_at,
                   p.failing_since, p.auth_failure as poll_auth, p.quota_day, p.quota_used
            from channel c
            left join (select channel_id, next_poll_at, last_error, last_error_at, failing_since, auth_failure, quota_day, quota_used
                       from youtube_poll
                       union all
                       select channel_id, next_poll_at, last_error, last_error_at, failing_since, auth_failure, null::date, 0
                       from linkedin_poll
                       union all
                       select channel_id, next_poll_at, last_error, last_error_at, failing_since, auth_failure, null::date, 0
                       from x_poll) p on p.channel_id = c.id
            left join lateral (
                select * from ((select outcome_at as at, last_error as reason, post_id, null::uuid as action_id,
                                       auth_failure as auth
                                from delivery where channel_id = c.id and state = 'failed' and outcome_at is not null
                                order by outcome_at desc limit 1)
                               union all
                               (select completed_at, last_error, null::uuid, action_id, auth_failure
                                from moderation_action where channel_id = c.id and state = 'failed'
                                order by completed_at desc limit 1)) latest
                order by at desc limit 1) f on true
            where c.tenant = $1 and c.brand_id = $2""";

    private final Pool pool;

    public ChannelHealth(Pool pool) {
        this.pool = pool;
    }

    /** Per channel id of the tenant's brand; a channel with no outcome yet maps to {@link Outcomes#NONE}. */
    public Uni<Map<UUID, Outcomes>> ofBrand(String tenant, String brandId) {
        return pool.preparedQuery(OF_BRAND).execute(Tuple.of(tenant, brandId)).map(rows -> {
            Map<UUID, Outcomes> outcomes = new HashMap<>();
            for (Row row : rows) {
                OffsetDateTime failedAt = row.getOffsetDateTime("failed_at");
                LastFailure failure = failedAt == null ? null : new LastFailure(failedAt.toInstant(), row.getString("reason"),
                        row.getUUID("post_id"), row.getUUID("action_id"), Boolean.TRUE.equals(row.getBoolean("auth")));
                OffsetDateTime succeededAt = row.getOffsetDateTime("succeeded_at");
                Polling polling = row.getUUID("polled") == null ? null : new Polling(instant(row.getOffsetDateTime("next_poll_at")),
                        row.getString("poll_error"), instant(row.getOffsetDateTime("poll_error_at")),
                        instant(row.getOffsetDateTime("failing_since")), row.getBoolean("poll_auth"), row.getLocalDate("quota_day"),
                        row.getInteger("quota_used"));
                outcomes.put(row.getUUID("id"), new Outcomes(failure, instant(succeededAt), polling));
            }
            return outcomes;
        });
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
