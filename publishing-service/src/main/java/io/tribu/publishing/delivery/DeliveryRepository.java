package io.tribu.publishing.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The delivery aggregate's SQL: deliveries planned, cancelled and listed (Hibernate, in the caller's session), and the
 * worker's statements on the Vert.x pool. The lease, one statement each step whatever the number of rows:
 * <ol>
 * <li>{@link #lease}: rows due within the lookahead (or whose holder's lease ran out) are locked with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row, and leased ({@code leased}); their
 * post moves to {@code publishing}. The network is not called yet;</li>
 * <li>{@link #renew}: the holder, alive, extends its leases every tick, so a short lease is enough
 * and a dead replica's rows are taken over soon after it stopped;</li>
 * <li>{@link #intend}: at the due instant, the intent ({@code sent-intent}, one more attempt) is
 * committed BEFORE the call, and only for rows still leased to this worker.</li>
 * </ol>
 * A row taken over from a dead holder stays {@code sent-intent} when that holder had recorded its intent
 * (it may have called: the call is repeated with the same key to reconcile), else it is a plain lease.
 * Then {@link #finish} or {@link #retry} records the network's answer, only where the lease is still this worker's.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** A delivery's last outcome (state published or failed), to record with {@link #finish}. */
    record Finished(UUID id, String state, String externalId, String url, String error, Instant publishedAt,
                    Instant outcomeAt, boolean authFailure) {
    }

    /** A delivery to try again at {@code nextAttemptAt}, to record with {@link #retry}. */
    record Retried(UUID id, Instant nextAttemptAt, String error) {
    }

    static final String LEASE = """
            with due as (
              select d.id, d.post_id, d.state as previous from delivery d join post p on p.id = d.post_id
              where d.state in ('pending', 'leased', 'sent-intent')
                and d.next_attempt_at <= $4
                and (d.state = 'pending' or d.lease_until < $5)
                and p.status in ('scheduled', 'publishing')
              order by d.next_attempt_at
              limit $1
              for update of d, p skip locked),
            moved as (
              update post set status = 'publishing' where id in (select post_id from due) and status = 'scheduled')
            update delivery d set state = case when due.previous = 'sent-intent' then 'sent-intent' else 'leased' end,
                   lease_owner = $2, lease_until = $3
            from due, channel c
            where d.id = due.id and c.id = d.channel_id
            returning d.id, d.tenant, d.brand_id, d.post_id, d.channel_id, d.network, d.text, d.media, d.due_at,
                      d.next_attempt_at, d.attempts, due.previous = 'sent-intent' as reconciling,
                      c.base_url, c.handle, c.credentials""";

    private final Pool pool;
    private final Clock clock;
    private final Duration lease;

    static final String TAKE_FOR_ENGAGEMENT = """
            with due as (
              select d.id from delivery d
              where d.state = 'published' and d.published_at > $1
                and (d.engagement_collected_at is null or d.engagement_collected_at < $2)
              order by d.engagement_collected_at nulls first
              limit 200
              for update skip locked)
            update delivery d set engagement_collected_at = $3 from due, post p, channel c
            where d.id = due.id and p.id = d.post_id and c.id = d.channel_id
            returning d.id, d.tenant, d.brand_id, d.post_id, d.channel_id, d.network, d.external_id, d.url, d.published_at,
                      d.text, d.media, p.tags, c.base_url, c.handle, c.credentials""";

    public DeliveryRepository(Pool pool, Clock clock,
                          PublishingConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.lease = config.delivery().lease();
    }

    /** Up to {@code limit} deliveries due before now + {@code lookahead}, earliest first, leased to {@code owner}. */
    Uni<List<Leased>> lease(String owner, Duration lookahead, int limit) {
        Instant now = clock.instant();
        return pool.preparedQuery(LEASE)
                .execute(Tuple.of(limit, owner, utc(now.plus(lease)), utc(now.plus(lookahead)), utc(now)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Leased::of).toList());
    }

    /**
     * Extends the leases {@code owner} still holds among {@code ids}; returns those (the others were taken
     * over, or are done). Rows this worker's own intent or outcome statements hold locked at that moment
     * are skipped, not waited for, so renewal can never deadlock with them; they need no renewal then.
     */
    Uni<Set<UUID>> renew(String owner, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("""
                        with free as (
                          select id from delivery where id = any($1) and lease_owner = $2 and state in ('leased', 'sent-intent')
                          for update skip locked),
                        renewed as (
                          update delivery d set lease_until = $3 from free where d.id = free.id)
                        select id from delivery where id = any($1) and lease_owner = $2 and state in ('leased', 'sent-intent')""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), owner, leaseUntil()))
                .map(rows -> {
                    Set<UUID> held = new HashSet<>();
                    rows.forEach(row -> held.add(row.getUUID("id")));
                    return held;
                });
    }

    /** Gives back leases with no intent recorded, for other workers to take at once; returns how many. */
    Uni<Integer> release(String owner, Collection<UUID> ids) {
        return pool.preparedQuery("""
                        update delivery set state = 'pending', lease_owner = null, lease_until = null
                        where id = any($1) and lease_owner = $2 and state = 'leased'""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), owner))
                .map(rows -> rows.rowCount());
    }

    /**
     * Records the intent to call now: {@code sent-intent}, one more attempt, lease extended. Returns the
     * attempts made per delivery still leased to {@code owner}; a delivery missing from the answer was
     * taken over and must not be called.
     */
    Uni<Map<UUID, Integer>> intend(String owner, Collection<UUID> ids) {
        return pool.preparedQuery("""
                        update delivery set state = 'sent-intent', attempts = attempts + 1,
                               lease_until = $3
                        where id = any($1) and lease_owner = $2 and state in ('leased', 'sent-intent')
                        returning id, attempts""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), owner, leaseUntil()))
                .map(rows -> {
                    Map<UUID, Integer> attempts = new HashMap<>();
                    for (Row row : rows) {
                        attempts.put(row.getUUID("id"), row.getInteger("attempts"));
                    }
                    return attempts;
                });
    }

    /** Stores a scheduled post's deliveries in the caller's transaction, flushed. */
    public Uni<Void> plan(List<Delivery> deliveries) {
        return Delivery.persist(deliveries).chain(() -> Panache.getSession()).chain(session -> session.flush());
    }

    /** Unscheduling before anything was sent: the post's pending deliveries disappear. */
    public Uni<Void> cancelPending(UUID postId) {
        return Delivery.delete("postId = ?1 and state = ?2", postId, DeliveryState.PENDING).replaceWithVoid();
    }

    /** The post's deliveries in network order. */
    Uni<List<Delivery>> ofPost(String tenant, String brandId, UUID postId) {
        return Delivery.list("tenant = ?1 and brandId = ?2 and postId = ?3 order by network, dueAt, id", tenant, brandId, postId);
    }

    /** The channel's deliveries due in (after, until] that have not failed. */
    public Uni<List<Delivery>> dueOnChannel(UUID channelId, Instant after, Instant until) {
        return Delivery.list("channelId = ?1 and dueAt > ?2 and dueAt <= ?3 and state <> 'failed'", channelId, after, until);
    }

    /**
     * The network id of the channel's post published since {@code since} that comes after {@code after} (newest first,
     * ties by id; {@code after} null: the newest); null when none. Comment polling walks a channel's posts with it.
     */
    public Uni<String> nextPublished(UUID channelId, Instant since, String after) {
        return pool.preparedQuery("""
                        select external_id from delivery
                        where channel_id = $1 and state = 'published' and external_id is not null and published_at >= $2
                          and ($3::text is null or (published_at, external_id) < (
                                select published_at, external_id from delivery
                                where channel_id = $1 and state = 'published' and external_id = $3 limit 1))
                        order by published_at desc, external_id desc limit 1""")
                .execute(Tuple.of(channelId, utc(since), after))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("external_id") : null);
    }

    /** The due instant of the oldest delivery due by {@code now} still without an outcome; null when none. */
    Uni<Instant> oldestOverdue(Instant now) {
        // Reads the unfinished deliveries' partial index only.
        return pool.preparedQuery("select min(due_at) as oldest from delivery "
                        + "where state in ('pending', 'leased', 'sent-intent') and due_at <= $1")
                .execute(Tuple.of(utc(now)))
                .map(rows -> {
                    OffsetDateTime oldest = rows.iterator().next().getOffsetDateTime("oldest");
                    return oldest == null ? null : oldest.toInstant();
                });
    }

    /** Records final outcomes of deliveries {@code owner} holds with the intent recorded; returns those so written. */
    Uni<Set<UUID>> finish(SqlConnection connection, String owner, List<Finished> finished) {
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
            Finished row = finished.get(i);
            ids[i] = row.id();
            states[i] = row.state();
            externalIds[i] = row.externalId();
            urls[i] = row.url();
            errors[i] = row.error();
            publishedAt[i] = row.publishedAt() == null ? null : utc(row.publishedAt());
            outcomeAt[i] = utc(row.outcomeAt());
            authFailures[i] = row.authFailure();
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
                .map(DeliveryRepository::ids);
    }

    /** Puts deliveries {@code owner} holds with the intent recorded back to pending; returns those so written. */
    Uni<Set<UUID>> retry(SqlConnection connection, String owner, List<Retried> retried) {
        if (retried.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int size = retried.size();
        UUID[] ids = new UUID[size];
        OffsetDateTime[] next = new OffsetDateTime[size];
        String[] errors = new String[size];
        for (int i = 0; i < size; i++) {
            Retried row = retried.get(i);
            ids[i] = row.id();
            next[i] = utc(row.nextAttemptAt());
            errors[i] = row.error();
        }
        return connection.preparedQuery("""
                        update delivery d set state = 'pending', lease_owner = null, lease_until = null,
                               next_attempt_at = v.next_attempt_at, last_error = v.error
                        from unnest($2::uuid[], $3::timestamptz[], $4::text[]) as v(id, next_attempt_at, error)
                        where d.id = v.id and d.lease_owner = $1 and d.state = 'sent-intent'
                        returning d.id""")
                .execute(Tuple.of(owner, ids, next, errors))
                .map(DeliveryRepository::ids);
    }

    /**
     * Up to 200 published deliveries whose engagement is due (published within {@code publishedAfter}, not collected
     * since {@code collectedBefore}), stamped as collected at {@code now} in the same statement, with their post's
     * tags and their channel; SKIP LOCKED, so replicas share them.
     */
    public Uni<List<Row>> takeForEngagement(Instant publishedAfter, Instant collectedBefore, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery(TAKE_FOR_ENGAGEMENT)
                .execute(Tuple.of(utc(publishedAfter), utc(collectedBefore), utc(now)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList()));
    }

    private static Set<UUID> ids(RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private OffsetDateTime leaseUntil() {
        return utc(clock.instant().plus(lease));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
