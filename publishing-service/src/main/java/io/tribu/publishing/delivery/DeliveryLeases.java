package io.tribu.publishing.delivery;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
 * The lease of deliveries in PostgreSQL, one statement each step whatever the number of rows:
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
 */
@ApplicationScoped
public class DeliveryLeases {

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

    public DeliveryLeases(Pool pool, Clock clock,
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

    private OffsetDateTime leaseUntil() {
        return utc(clock.instant().plus(lease));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
