package io.tribu.listening.source.mastodon;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A Mastodon source's reconciliation: asked for by every (re)connection of its stream, answered by a run that reads
 * the source's recent statuses back, newest first. The run's cursor (the last status id checked) is saved with what
 * each batch applied, so a run stopped by a crash, a rate limit or an instance error goes on where it was, on any
 * replica; a (re)connection during a run asks for another run after it.
 */
@Entity
@Table(name = "mastodon_reconciliation")
public class Reconciliation extends PanacheEntityBase {

    @Id
    @Column(name = "source_id")
    public UUID sourceId;
    /** The latest (re)connection of the stream. */
    @Column(name = "requested_at")
    public Instant requestedAt;
    /** The (re)connection the current or last run answers. */
    @Column(name = "run_requested_at")
    public Instant runRequestedAt;
    @Column(name = "run_started_at")
    public Instant runStartedAt;
    /** Statuses published before this are out of the run. */
    @Column(name = "window_start")
    public Instant windowStart;
    /** The smallest status id checked so far: the run goes on below it. */
    public String cursor;
    public int checked;
    public int edited;
    public int withdrawn;
    /** Requests made to the instance by the run. */
    public int requests;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    /** The instance's rate limit or an error holds the run until then. */
    @Column(name = "not_before")
    public Instant notBefore;
    @Column(name = "last_error")
    public String lastError;

    /** Asks for a reconciliation of the source; in the caller's transaction. */
    static Uni<Void> request(UUID sourceId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into mastodon_reconciliation (source_id, requested_at) values (:source, :now)
                        on conflict (source_id) do update set requested_at = excluded.requested_at""")
                .setParameter("source", sourceId)
                .setParameter("now", now)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Asks for a reconciliation of a source that is only polled (its stream is not connected), unless one was asked
     * for within the period: replicas that all see the stream down ask for one run per period between them. In the
     * caller's transaction.
     */
    static Uni<Void> requestWhilePolling(UUID sourceId, Instant now, Duration period) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into mastodon_reconciliation (source_id, requested_at) values (:source, :now)
                        on conflict (source_id) do update set requested_at = excluded.requested_at
                        where mastodon_reconciliation.requested_at <= :due""")
                .setParameter("source", sourceId)
                .setParameter("now", now)
                .setParameter("due", now.minus(period))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** As PostgreSQL keeps it (microseconds), so that a worker recognises its own lease in the stored row. */
    static Instant leaseFrom(Instant now, Duration lease) {
        return now.plus(lease).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Leases the reconciliation most due (a run to go on, or a request no run answered yet) of an enabled source, or
     * null; replicas skip each other's under FOR UPDATE SKIP LOCKED. A new run starts from the newest status.
     */
    static Uni<Reconciliation> claimDue(Instant now, Duration lease, Duration window) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select r.source_id from mastodon_reconciliation r join source s on s.id = r.source_id
                        where s.enabled and s.type = 'mastodon'
                          and (r.lease_until is null or r.lease_until <= :now)
                          and (r.not_before is null or r.not_before <= :now)
                          and (r.run_requested_at is null or r.finished_at is null or r.requested_at > r.run_requested_at)
                        order by r.requested_at limit 1
                        for update of r skip locked""", UUID.class)
                .setParameter("now", now)
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().nullItem()
                        : Reconciliation.<Reconciliation>findById(ids.get(0)))
                .invoke(run -> {
                    if (run == null) {
                        return;
                    }
                    if (run.runRequestedAt == null || run.finishedAt != null) {
                        run.runRequestedAt = run.requestedAt;
                        run.runStartedAt = now;
                        run.windowStart = now.minus(window);
                        run.cursor = null;
                        run.checked = 0;
                        run.edited = 0;
                        run.withdrawn = 0;
                        run.requests = 0;
                        run.finishedAt = null;
                        run.lastError = null;
                    }
                    run.leaseUntil = leaseFrom(now, lease);
                });
    }
}
