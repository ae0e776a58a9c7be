package io.tribu.moderation.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.moderation.inbox.InboxItem;
import io.tribu.moderation.inbox.InboxItemRepository;
import io.tribu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Finds interactions still unanswered past their first-response target, marks them breached and
 * emits one breach event each, in the same transaction (SKIP LOCKED: replicas never report twice).
 * Once it committed, each breach counts in {@code tribu.sla.breaches} by the interaction's {@code source}.
 */
@ApplicationScoped
public class SlaWatcher {

    private final Outbox outbox;
    private final String topic;
    private final MeterRegistry metrics;
    private final InboxItemRepository items;
    private final Clock clock;

    public SlaWatcher(Outbox outbox, ModerationConfig config, MeterRegistry metrics, InboxItemRepository items, Clock clock) {
        this.outbox = outbox;
        this.topic = config.topics().sla();
        this.metrics = metrics;
        this.items = items;
        this.clock = clock;
    }

    @Scheduled(every = "${tribu.moderation.sla-check-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reportBreaches() {
        return reportBreachesAt(clock.instant());
    }

    /**
     * The check the scheduler makes, as of {@code now}: what a run at that instant would find overdue is breached at
     * it. Tests call it with an item's due time rather than wait for the clock to get there.
     */
    public Uni<Void> reportBreachesAt(Instant now) {
        return Panache.withTransaction(() -> items.overdue(now)
                .chain(overdue -> breach(overdue, now)))
                .invoke(breached -> breached.forEach(item -> metrics.counter("tribu.sla.breaches", "source", item.source)
                        .increment()))
                .replaceWithVoid();
    }

    private Uni<List<InboxItem>> breach(List<InboxItem> overdue, Instant now) {
        overdue.forEach(item -> item.slaBreachedAt = now);
        return outbox.appendAll(overdue.stream().map(item -> new Outbox.Pending(topic, item.tenant, item.brandId,
                SlaBreached.TYPE, new SlaBreached(item.id, item.brandId, item.source, item.kind, item.publishedAt,
                        item.slaDueAt, now))).toList())
                .replaceWith(overdue);
    }
}
