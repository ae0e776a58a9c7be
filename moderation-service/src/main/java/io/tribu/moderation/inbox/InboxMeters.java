package io.tribu.moderation.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * Moderation's own meters of the inbox (docs/operations.md, Metrics), recorded once the transaction that stored the
 * items committed, so a batch taken again after a failure is not counted twice (a Meta delivery that also asks
 * publishing for links commits in the webhook's transaction, after these are recorded):
 * <ul>
 *   <li>{@code tribu.inbox.intake.latency} by {@code source}: from the interaction's publication on the network (its
 *   event time) to its storing in the inbox; what the first-response SLA, which counts from the publication, has
 *   already spent before anyone can see the item;</li>
 *   <li>{@code tribu.charter.decisions} by {@code action}: the decisions brands' charters took on arrival or edit.</li>
 * </ul>
 */
@ApplicationScoped
class InboxMeters {

    /** The latency's histogram buckets: a stream delivers in seconds, a polled feed in minutes, a late one in hours. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6)};

    private final MeterRegistry registry;

    InboxMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Items stored by the intake, with what the charter decided of each. */
    void stored(List<InboxIntake.Arrival> arrivals) {
        for (InboxIntake.Arrival arrival : arrivals) {
            Duration latency = Duration.between(arrival.item().publishedAt, arrival.item().receivedAt);
            // A network clock ahead of ours dates an item in the future: it waited no time.
            latency(arrival.item().source).record(latency.isNegative() ? Duration.ZERO : latency);
            decided(arrival.verdict());
        }
    }

    /** The charter's decisions of one verdict. */
    void decided(Verdict verdict) {
        verdict.steps().forEach(step -> registry.counter("tribu.charter.decisions", "action", step.decision().action())
                .increment());
    }

    private Timer latency(String source) {
        // Micrometer keeps one timer per name and tags: registering again returns it.
        return Timer.builder("tribu.inbox.intake.latency")
                .description("Time from an interaction's publication on the network to its storing in the inbox")
                .tag("source", source)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }
}
