package io.tribu.publishing.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.network.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch of deliveries (docs/operations.md, alert TribuDeliveriesLate):
 * {@code tribu_delivery_overdue_seconds}, how long the oldest due delivery has waited without an outcome, read
 * from the database so that every replica reports the suite's figure, not its own; and
 * {@code tribu_delivery_outcomes_total{network, outcome}}, the networks' answers this replica recorded.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);

    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final Retries retries;
    private final MeterRegistry registry;
    private final AtomicLong overdueSeconds = new AtomicLong();

    public DeliveryMetrics(DeliveryRepository deliveries, Clock clock, Retries retries, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.retries = retries;
        this.registry = registry;
        Gauge.builder("tribu.delivery.overdue", overdueSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest due delivery has waited without being published or failed (0: none)")
                .register(registry);
    }

    // Prometheus scrapes every 30 s or so.
    @Scheduled(every = "15s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        Instant now = clock.instant();
        return deliveries.oldestOverdue(now)
                .invoke(oldest -> overdueSeconds.set(oldest == null ? 0 : Duration.between(oldest, now).toSeconds()))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Metric not refreshed, the next run tries again: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Counts the outcomes of {@code batch} that were {@code recorded} (null: the batch was not). */
    void recorded(List<Answered> batch, Set<UUID> recorded) {
        if (recorded == null) {
            return;
        }
        for (Answered answer : batch) {
            if (recorded.contains(answer.delivery().id())) {
                String outcome = answer.outcome() instanceof Outcome.Published ? "published"
                        : retries.again(answer.outcome(), answer.delivery().attempts()) ? "retried" : "failed";
                Counter.builder("tribu.delivery.outcomes").description("Deliveries' outcomes recorded, by network")
                        .tag("network", answer.delivery().network()).tag("outcome", outcome)
                        .register(registry).increment();
            }
        }
    }
}
