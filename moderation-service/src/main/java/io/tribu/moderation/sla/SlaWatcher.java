package io.tribu.moderation.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.moderation.inbox.InboxItem;
import io.tribu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
    private final Clock clock;

    public SlaWatcher(Outbox outbox, ModerationConfig config, MeterRegistry metrics, Clock clock) {
        this.outbox = outbox;
        this.topic = config.topics().sla();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${tribu.moderation.sla-check-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reportBreaches() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id from inbox_item
                        where first_response_at is null and sla_breached_at is null and withdrawn_at is null and sla_due_at <= :now
                        order by sla_due_at limit 200 for update skip locked""", UUID.class)
                .setParameter("now", now)
                .getResultList()
                // The rows are locked above; the entities are read through the mapping (labels as JSON text).
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<InboxItem>of())
                        : InboxItem.<InboxItem>list("id in ?1 order by slaDueAt", ids))
                .chain(overdue -> breach(overdue, now))))
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
