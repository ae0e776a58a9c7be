package io.tribu.publishing.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes due deliveries exactly once, with any number of replicas, each post at its instant:
 * <ol>
 * <li>every tick the worker renews the leases it holds and leases what falls due within the
 * {@code lookahead} ({@link DeliveryRepository}), so the database work of a busy minute is done before it;</li>
 * <li>at each delivery's instant (a timer, never before) it records the intent of the deliveries due
 * together in one statement, then calls their networks, at most {@code concurrency} at once;</li>
 * <li>the answers are recorded in batches ({@link Completions}): while one batch commits, the next
 * gathers.</li>
 * </ol>
 * A replica killed at any point leaves leases that stop being renewed: once they expire another worker
 * takes them, calling the network plainly if no intent was recorded, or repeating the call with the same
 * idempotency key (which the adapters turn into "already there") if one was.
 * <p>
 * In-memory state is guarded by this object's monitor (calls and their answers run on every event loop,
 * {@link DeliveryLoops}); database and network calls are never made while holding it.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int RECORD_BATCH = 1000;

    private final DeliveryRepository leases;
    private final DeliveryCall network;
    private final Completions completions;
    private final DeliveryMetrics metrics;
    private final DeliveryLoops loops;
    private final Vertx vertx;
    private final Clock clock;
    private final String owner;
    private final int batchSize;
    private final int concurrency;
    private final Duration lookahead;

    private final Timetable timetable = new Timetable();
    /** Intent recorded, waiting for a call slot. */
    private final Deque<Leased> ready = new ArrayDeque<>();
    /** Every delivery whose lease this worker holds and keeps renewing, until its outcome is recorded. */
    private final Set<UUID> held = new HashSet<>();
    private final List<Answered> answered = new ArrayList<>();
    private int calling;
    private boolean leasing;
    private boolean intending;
    private boolean recording;
    /** The last lease filled its batch: more may be due within the lookahead. */
    private boolean moreDue;
    private long timer = -1;
    private Instant timerAt;

    @Inject
    public DeliveryWorker(DeliveryRepository leases, DeliveryCall network, Completions completions, DeliveryMetrics metrics,
                          DeliveryLoops loops, Vertx vertx, Clock clock, PublishingConfig config) {
        this(leases, network, completions, metrics, loops, vertx, clock, config.delivery().workerId(),
                config.delivery().batchSize(), config.delivery().concurrency(), config.delivery().lookahead());
    }

    DeliveryWorker(DeliveryRepository leases, DeliveryCall network, Completions completions, DeliveryMetrics metrics,
                   DeliveryLoops loops, Vertx vertx, Clock clock, Optional<String> workerId, int batchSize,
                   int concurrency, Duration lookahead) {
        this.leases = leases;
        this.network = network;
        this.completions = completions;
        this.metrics = metrics;
        this.loops = loops;
        this.vertx = vertx;
        this.clock = clock;
        this.owner = workerId.orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.lookahead = lookahead;
    }

    @Scheduled(every = "${tribu.delivery.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return renew().chain(this::leaseAhead)
                .onFailure().invoke(failure -> LOG.warnf("Delivery tick failed, next tick retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Keeps the leases of a live worker; those another worker took over meanwhile are dropped, not called. */
    Uni<Void> renew() {
        Set<UUID> mine;
        synchronized (this) {
            mine = Set.copyOf(held);
        }
        return leases.renew(owner, mine).invoke(still -> {
            Set<UUID> lost = new HashSet<>(mine);
            lost.removeAll(still);
            synchronized (this) {
                held.removeAll(lost);
                timetable.forget(lost);
                ready.removeIf(leased -> lost.contains(leased.id()));
            }
        }).replaceWithVoid();
    }

    /**
     * Leases what falls due within the lookahead, up to {@code batch-size} waiting deliveries, so that each
     * replica holds its share and leases more as it fires (a replica holding everything would publish alone).
     */
    Uni<Void> leaseAhead() {
        int room;
        synchronized (this) {
            room = batchSize - timetable.size();
            if (leasing || room <= 0) {
                return Uni.createFrom().voidItem();
            }
            leasing = true;
        }
        return leases.lease(owner, lookahead, room)
                .invoke(batch -> {
                    synchronized (this) {
                        batch.forEach(leased -> {
                            timetable.add(leased);
                            held.add(leased.id());
                        });
                        moreDue = batch.size() == room;
                    }
                })
                .eventually(() -> {
                    synchronized (this) {
                        leasing = false;
                    }
                })
                .invoke(this::pump)
                .chain(batch -> batch.size() == room ? leaseAhead() : Uni.createFrom().voidItem());
    }

    /**
     * A replica stopping on purpose (a rollout, a scale-down) gives its waiting deliveries back, so they are
     * not late by a lease; calls in flight finish or are reconciled after it, like after a crash.
     */
    void stop(@Observes ShutdownEvent event) {
        release().await().atMost(Duration.ofSeconds(5));
    }

    Uni<Integer> release() {
        List<Leased> waiting;
        synchronized (this) {
            waiting = timetable.takeDue(Instant.MAX, Integer.MAX_VALUE);
            waiting.forEach(leased -> held.remove(leased.id()));
            moreDue = false;
        }
        return waiting.isEmpty() ? Uni.createFrom().item(0) : leases.release(owner, waiting.stream().map(Leased::id).toList());
    }

    /** Moves deliveries along: due ones to their intent, ready ones to a call slot; leases more when running low. */
    private void pump() {
        List<Leased> due = List.of();
        List<Leased> calls = new ArrayList<>();
        boolean refill;
        synchronized (this) {
            if (!intending && ready.size() < concurrency) {
                due = timetable.takeDue(clock.instant(), concurrency);
                intending = !due.isEmpty();
            }
            while (calling < concurrency && !ready.isEmpty()) {
                calls.add(ready.poll());
                calling++;
            }
            refill = moreDue && !leasing && timetable.size() < batchSize / 2;
            arm();
        }
        if (!due.isEmpty()) {
            intend(due);
        }
        calls.forEach(this::call);
        if (refill) {
            leaseAhead().subscribe().with(done -> { }, failure -> LOG.warnf("Leasing ahead failed, next tick retries: %s",
                    failure.getMessage()));
        }
    }

    /** A timer for the earliest waiting delivery still in the future; earlier ones are moved by the work in flight. */
    private void arm() {
        Optional<Instant> next = timetable.next();
        Instant now = clock.instant();
        if (next.isEmpty() || !next.get().isAfter(now) || (timerAt != null && !timerAt.isAfter(next.get()))) {
            return;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        timerAt = next.get();
        long delay = Math.max(1, (Duration.between(now, timerAt).toNanos() + 999_999) / 1_000_000);
        timer = vertx.setTimer(delay, id -> {
            synchronized (this) {
                timer = -1;
                timerAt = null;
            }
            pump();
        });
    }

    private void intend(List<Leased> due) {
        leases.intend(owner, due.stream().map(Leased::id).toList()).subscribe().with(attempts -> {
            synchronized (this) {
                intending = false;
                for (Leased leased : due) {
                    Integer made = attempts.get(leased.id());
                    if (made == null) {
                        held.remove(leased.id());
                    } else {
                        ready.add(leased.withAttempts(made));
                    }
                }
            }
            pump();
        }, failure -> {
            // Not called: the leases expire unrenewed and the deliveries are leased again, by any worker.
            LOG.warnf("Intent of %d deliveries not recorded (%s); they will be leased again", due.size(), failure.getMessage());
            synchronized (this) {
                intending = false;
                due.forEach(leased -> held.remove(leased.id()));
            }
            pump();
        });
    }

    /** On the next event loop: the answer, its outcome's recording and the next intents follow it there. */
    private void call(Leased delivery) {
        loops.run(() -> network.call(delivery).subscribe().with(answer -> {
            synchronized (this) {
                calling--;
                answered.add(answer);
            }
            record();
            pump();
        }));
    }

    /** One batch at a time: the answers arriving while it commits make the next one. */
    private void record() {
        List<Answered> batch;
        synchronized (this) {
            if (recording || answered.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(answered.subList(0, Math.min(RECORD_BATCH, answered.size())));
            answered.subList(0, batch.size()).clear();
            recording = true;
        }
        completions.record(owner, batch)
                .onFailure().invoke(failure -> LOG.warnf("%d outcomes not recorded (%s); their leases will expire and the "
                        + "next worker reconciles", batch.size(), failure.getMessage()))
                .onFailure().recoverWithNull()
                .subscribe().with(recorded -> {
                    metrics.recorded(batch, recorded);
                    synchronized (this) {
                        batch.forEach(answer -> held.remove(answer.delivery().id()));
                        recording = false;
                    }
                    record();
                });
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "publishing" : host;
    }
}
