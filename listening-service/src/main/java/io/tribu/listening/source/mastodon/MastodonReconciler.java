package io.tribu.listening.source.mastodon;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.mention.MentionService;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies the Mastodon edits and deletions made while a source's stream was down (a restart, a dropped connection):
 * they are announced only on the stream, so each (re)connection asks for a reconciliation, and this reads the source's
 * recent statuses back from the REST API and revises or withdraws the stored mentions exactly as the stream does
 * ({@link MentionService#revise} and {@link MentionService#withdraw}: an edit already applied changes nothing).
 * <p>
 * Bounded by {@link ListeningConfig.Reconcile}: the statuses published within the window, at most
 * {@code max-statuses}, newest first, {@code batch-size} per request of {@code GET /api/v1/statuses?id[]=}; a status
 * that request leaves out is confirmed deleted by its own request (404/410) before its mention is withdrawn. Paced,
 * and held while the instance's rate limit has no more than {@code rate-limit-reserve} requests left (polling keeps
 * them), or after a 429 until its reset. It runs on its own scheduler turn, never inside polling or a stream, so
 * ingest never waits for it; each batch's effects and the run's cursor are saved in one transaction, so a run stopped
 * by a crash goes on from its cursor once its lease expires, on any replica.
 */
@ApplicationScoped
public class MastodonReconciler {

    private static final Logger LOG = Logger.getLogger(MastodonReconciler.class);
    /** A run yields its lease after this long; the next turn (any replica) goes on. */
    private static final Duration TURN = Duration.ofSeconds(60);
    private static final Duration AFTER_ERROR = Duration.ofMinutes(1);

    private enum Step { MORE, DONE, HELD }

    private final MentionService mentions;
    private final StatusReader reader;
    private final ListeningConfig.Reconcile config;
    private final Clock clock;

    public MastodonReconciler(MentionService mentions, StatusReader reader, ListeningConfig config, Clock clock) {
        this.mentions = mentions;
        this.reader = reader;
        this.config = config.sources().mastodon().reconcile();
        this.clock = clock;
    }

    /** The source's stream (re)connected: what happened while it was down is to be read back. Blocking. */
    void request(Source source) throws Throwable {
        if (config.enabled()) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> Reconciliation.request(source.id, clock.instant())));
        }
    }

    /**
     * These sources' streams are not connected (the instance refuses streaming, or streaming is off), so their edits
     * and deletions reach nobody: each gets a run every {@code while-polling}. Blocking.
     */
    void requestWhilePolling(List<Source> polledOnly) throws Throwable {
        if (!config.enabled() || polledOnly.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Multi.createFrom().iterable(polledOnly)
                .onItem().transformToUniAndConcatenate(
                        source -> Reconciliation.requestWhilePolling(source.id, now, config.whilePolling()))
                .collect().last()));
    }

    /** A worker's lease was taken by another (it stalled past it): the other goes on with the run, this one stops. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID sourceId) {
            super("the reconciliation of source " + sourceId + " was taken over by another worker", null, false, false);
        }
    }

    @Scheduled(every = "${tribu.sources.mastodon.reconcile-tick}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reconcileDue() throws Throwable {
        if (!config.enabled()) {
            return;
        }
        Reconciliation run = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> Reconciliation.claimDue(clock.instant(), config.lease(), config.window())));
        if (run == null) {
            return;
        }
        Source source = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Source.<Source>findById(run.sourceId)));
        if (source == null) {
            return; // removed meanwhile: its run went with it
        }
        Instant yieldAt = clock.instant().plus(TURN);
        Step step = Step.MORE;
        try {
            while (step == Step.MORE && clock.instant().isBefore(yieldAt)) {
                step = step(run, source);
            }
            if (step == Step.MORE) {
                save(run, r -> r.leaseUntil = null);
            }
        } catch (LeaseLost lost) {
            LOG.debugf("%s: this worker stops", lost.getMessage());
        }
    }

    /** One batch: read its statuses back, apply what changed and move the cursor in one transaction. */
    private Step step(Reconciliation run, Source source) throws Throwable {
        int left = config.maxStatuses() - run.checked;
        List<String> ids = left <= 0 ? List.of() : VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> mentions.recentItems(source.id, run.windowStart, run.cursor, Math.min(config.batchSize(), left))));
        if (ids.isEmpty()) {
            Instant now = clock.instant();
            save(run, r -> {
                r.finishedAt = now;
                r.leaseUntil = null;
            });
            LOG.debugf("Mastodon source %s reconciled: %d statuses, %d edited, %d withdrawn, %d requests",
                    source.id, run.checked, run.edited, run.withdrawn, run.requests);
            return Step.DONE;
        }
        String instance = MastodonConnector.instance(source);
        Map<String, Optional<MastodonStatus>> current = new LinkedHashMap<>();
        int[] requests = {0};
        try {
            List<String> alone = ids;
            if (reader.readsMany(instance)) {
                holdIfNeeded(instance);
                requests[0]++;
                Map<String, MastodonStatus> found = reader.many(instance, ids);
                if (found != null) {
                    ids.stream().filter(found::containsKey).forEach(id -> current.put(id, Optional.of(found.get(id))));
                    alone = ids.stream().filter(id -> !found.containsKey(id)).toList();
                }
            }
            for (String id : alone) {
                pause();
                holdIfNeeded(instance);
                requests[0]++;
                current.put(id, reader.one(instance, id));
            }
        } catch (StatusReader.RateLimited limited) {
            save(run, r -> {
                r.requests += requests[0];
                r.notBefore = limited.until();
                r.leaseUntil = null;
            });
            return Step.HELD;
        } catch (IOException e) {
            LOG.debugf("Reconciliation of Mastodon source %s: %s", source.id, e.getMessage());
            Instant retry = clock.instant().plus(AFTER_ERROR);
            save(run, r -> {
                r.requests += requests[0];
                r.lastError = e.getMessage();
                r.notBefore = retry;
                r.leaseUntil = null;
            });
            return Step.HELD;
        }
        apply(run, source, instance, ids, current, requests[0]);
        pause();
        return Step.MORE;
    }

    private void apply(Reconciliation run, Source source, String instance, List<String> ids,
                       Map<String, Optional<MastodonStatus>> current, int requests) throws Throwable {
        Instant now = clock.instant();
        int[] changed = {0, 0};
        List<Uni<Void>> effects = new ArrayList<>();
        current.forEach((id, status) -> {
            if (status.isEmpty()) {
                effects.add(Uni.createFrom().deferred(() -> mentions.withdraw(source.id, id))
                        .invoke(withdrawn -> changed[1] += withdrawn == null ? 0 : 1).replaceWithVoid());
                return;
            }
            HeardItem item = status.get().editedAt() == null ? null
                    : MastodonConnector.mentionOf(status.get(), instance, now);
            if (item != null) {
                effects.add(Uni.createFrom().deferred(() -> mentions.revise(source.tenant, source.brandId, item.at(source)))
                        .invoke(revised -> changed[0] += revised != null && revised.editedAt != null
                                && !revised.editedAt.isBefore(now) ? 1 : 0)
                        .replaceWithVoid());
            }
        });
        String cursor = ids.get(ids.size() - 1);
        Instant lease = Reconciliation.leaseFrom(clock.instant(), config.lease());
        Consumer<Reconciliation> progress = r -> {
            r.cursor = cursor;
            r.checked += ids.size();
            r.edited += changed[0];
            r.withdrawn += changed[1];
            r.requests += requests;
            r.lastError = null;
            r.leaseUntil = lease;
        };
        // the run's row is locked and still ours before anything is applied: a worker whose lease another took
        // applies nothing (the other read this batch again), so a stalled worker coming back changes nothing
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> held(run)
                .chain(stored -> Multi.createFrom().iterable(effects)
                        .onItem().transformToUniAndConcatenate(effect -> effect).collect().last()
                        .invoke(() -> progress.accept(stored)))));
        progress.accept(run);
    }

    /** The stored run, locked, if this worker still holds its lease; else {@link LeaseLost}. */
    private static Uni<Reconciliation> held(Reconciliation run) {
        return Reconciliation.<Reconciliation>findById(run.sourceId, LockModeType.PESSIMISTIC_WRITE)
                .invoke(stored -> {
                    if (stored == null || !Objects.equals(stored.leaseUntil, run.leaseUntil)) {
                        throw new LeaseLost(run.sourceId);
                    }
                });
    }

    private void holdIfNeeded(String instance) throws StatusReader.RateLimited {
        Instant until = reader.heldUntil(instance, config.rateLimitReserve());
        if (until != null) {
            throw new StatusReader.RateLimited(until);
        }
    }

    private void pause() throws InterruptedException {
        if (!config.pause().isZero()) {
            Thread.sleep(config.pause().toMillis());
        }
    }

    /** Changes the stored run and this copy alike, if this worker still holds the run's lease. */
    private static void save(Reconciliation run, Consumer<Reconciliation> change) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> held(run).invoke(change)));
        change.accept(run);
    }
}
