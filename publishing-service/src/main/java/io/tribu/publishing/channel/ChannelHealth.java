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

    /** Either may be null: nothing failed, nothing succeeded yet. */
    public record Outcomes(LastFailure lastFailure, Instant lastSuccessAt) {
        static final Outcomes NONE = new Outcomes(null, null);
    }

    private static final String OF_BRAND = """
            select c.id, f.at as failed_at, f.reason, f.post_id, f.action_id, f.auth,
                   greatest((select max(outcome_at) from delivery
                             where channel_id = c.id and state = 'published'),
                            (select max(completed_at) from moderation_action
                             where channel_id = c.id and state = 'done')) as succeeded_at
            from channel c
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
                outcomes.put(row.getUUID("id"), new Outcomes(failure, succeededAt == null ? null : succeededAt.toInstant()));
            }
            return outcomes;
        });
    }
}
