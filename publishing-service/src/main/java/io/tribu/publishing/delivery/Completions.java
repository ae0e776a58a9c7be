package io.tribu.publishing.delivery;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Outcome;
import io.tribu.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records many outcomes in one transaction with a few multi-row statements (instead of one transaction
 * per delivery): each row only if {@code owner} still holds its lease with the intent recorded, the
 * event in the outbox only for rows so written. Recording the same outcomes again writes nothing and
 * emits nothing, so a batch retried after an unclear commit does no harm.
 */
@ApplicationScoped
public class Completions {

    private final Pool pool;
    private final Outbox outbox;
    private final Retries retries;
    private final String topic;

    public Completions(Pool pool, Outbox outbox, Retries retries, PublishingConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.retries = retries;
        this.topic = config.topics().posts();
    }

    /** Returns the deliveries recorded (published, failed or back to pending); the others were not ours any more. */
    Uni<Set<UUID>> record(String owner, List<Answered> answers) {
        List<Answered> retried = answers.stream().filter(this::retried).toList();
        List<Answered> finished = answers.stream().filter(answer -> !retried(answer)).toList();
        return pool.withTransaction(connection -> finish(connection, owner, finished)
                .call(done -> emit(connection, finished, done))
                .call(done -> settlePosts(connection, finished, done))
                .chain(done -> retry(connection, owner, retried).map(later -> {
                    Set<UUID> recorded = new HashSet<>(done);
                    recorded.addAll(later);
                    return recorded;
                })));
    }

    private boolean retried(Answered answer) {
        return retries.again(answer.outcome(), answer.delivery().attempts());
    }

    private Uni<Set<UUID>> finish(SqlConnection connection, String owner, List<Answered> finished) {
        if (finished.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int size = finished.size();
        UUID[] ids = new UUID[size];
        String[] states = new String[size];
        String[] externalIds = new String[size];
        String[] urls = new String[size];
        String[] errors = new String[size];
        OffsetDateTime[] publishedAt = new OffsetDateTime[size];
        OffsetDateTime[] outcomeAt = new OffsetDateTime[size];
        Boolean[] authFailures = new Boolean[size];
        for (int i = 0; i < size; i++) {
            Answered answer = finished.get(i);
            ids[i] = answer.delivery().id();
            outcomeAt[i] = utc(answer.at());
            authFailures[i] = answer.outcome() instanceof Outcome.AuthExpired;
            if (answer.outcome() instanceof Outcome.Published published) {
                states[i] = DeliveryState.PUBLISHED;
                externalIds[i] = published.externalId();
                urls[i] = published.url();
                publishedAt[i] = utc(answer.at());
            } else {
                states[i] = DeliveryState.FAILED;
                errors[i] = retries.failureReason(answer.outcome());
            }
        }
        return connection.preparedQuery("""
                        update delivery d set state = v.state, lease_owner = null, lease_until = null,
                               external_id = v.external_id, url = v.url, last_error = v.error, published_at = v.published_at,
                               outcome_at = v.outcome_at, auth_failure = v.auth_failure
                        from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                                    $8::timestamptz[], $9::boolean[])
                             as v(id, state, external_id, url, error, published_at, outcome_at, auth_failure)
                        where d.id = v.id and d.lease_owner = $1 and d.state = 'sent-intent'
                        returning d.id""")
                .execute(Tuple.tuple(List.of(owner, ids, states, externalIds, urls, errors, publishedAt, outcomeAt, authFailures)))
                .map(Completions::ids);
    }

    private Uni<Set<UUID>> retry(SqlConnection connection, String owner, List<Answered> retried) {
        if (retried.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int size = retried.size();
        UUID[] ids = new UUID[size];
        OffsetDateTime[] next = new OffsetDateTime[size];
        String[] errors = new String[size];
        for (int i = 0; i < size; i++) {
            Answered answer = retried.get(i);
            Outcome.Retry retry = (Outcome.Retry) answer.outcome();
            ids[i] = answer.delivery().id();
            next[i] = utc(retries.next(answer.at(), answer.delivery().attempts(), retry));
            errors[i] = retry.reason();
        }
        return connection.preparedQuery("""
                        update delivery d set state = 'pending', lease_owner = null, lease_until = null,
                               next_attempt_at = v.next_attempt_at, last_error = v.error
                        from unnest($2::uuid[], $3::timestamptz[], $4::text[]) as v(id, next_attempt_at, error)
                        where d.id = v.id and d.lease_owner = $1 and d.state = 'sent-intent'
                        returning d.id""")
                .execute(Tuple.of(owner, ids, next, errors))
                .map(Completions::ids);
    }

    private Uni<Void> emit(SqlConnection connection, List<Answered> finished, Set<UUID> done) {
        return outbox.appendAll(connection, finished.stream().filter(answer -> done.contains(answer.delivery().id()))
                .map(this::event).toList());
    }

    private Outbox.Pending event(Answered answer) {
        Leased delivery = answer.delivery();
        if (answer.outcome() instanceof Outcome.Published published) {
            return new Outbox.Pending(topic, delivery.tenant(), delivery.brandId(), DeliveryEvents.PUBLISHED,
                    new DeliveryEvents.Published(delivery.postId(), delivery.id(), delivery.brandId(), delivery.channelId(),
                            delivery.network(), published.externalId(), published.url(), delivery.dueAt(), answer.at(),
                            delivery.attempts()));
        }
        return new Outbox.Pending(topic, delivery.tenant(), delivery.brandId(), DeliveryEvents.FAILED,
                new DeliveryEvents.Failed(delivery.postId(), delivery.id(), delivery.brandId(), delivery.channelId(),
                        delivery.network(), retries.failureReason(answer.outcome()), delivery.attempts(), delivery.dueAt(), answer.at()));
    }

    /** published when every delivery is; failed when none is left to try and one failed; else still publishing. */
    private static Uni<Void> settlePosts(SqlConnection connection, List<Answered> finished, Set<UUID> done) {
        UUID[] posts = finished.stream().filter(answer -> done.contains(answer.delivery().id()))
                .map(answer -> answer.delivery().postId()).distinct().sorted().toArray(UUID[]::new);
        if (posts.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        update post p set status = case
                            when not exists (select 1 from delivery where post_id = p.id and state <> 'published') then 'published'
                            when not exists (select 1 from delivery where post_id = p.id
                                             and state in ('pending', 'leased', 'sent-intent')) then 'failed'
                            else status end
                        where p.id = any($1) and p.status = 'publishing'""")
                .execute(Tuple.of(posts)).replaceWithVoid();
    }

    private static Set<UUID> ids(RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
