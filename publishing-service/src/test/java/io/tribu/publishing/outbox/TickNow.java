package io.tribu.publishing.outbox;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A worker's tick run by the test now rather than at the scheduler's next look. Quarkus' simple scheduler looks at its
 * triggers once a second, so a 0.2 s {@code tribu.*.tick} fires at most once a second: a test that waits for an
 * outcome runs the tick instead, while the scheduled ticks go on beside it as another replica's would (the leases give
 * each item to one of them). The events a tick stores need nothing more: the workers append them on their Vert.x
 * connection, whose commit wakes the outbox relay. Each scheduled worker keeps at least one test that waits for its
 * schedule alone.
 */
public final class TickNow {

    /** How long a look at the topic lasts before the tick runs again. */
    public static final Duration STEP = Duration.ofMillis(200);

    private TickNow() {
    }

    /** Runs {@code tick} on a Vert.x context, as the scheduler does, until it is done. */
    public static void run(Supplier<Uni<Void>> tick) {
        try {
            VertxContextSupport.subscribeAndAwait(tick);
        } catch (Throwable failure) {
            throw new AssertionError("the tick failed", failure);
        }
    }

    /**
     * The first record {@code wanted} accepts within {@code timeout}: one already read, else {@code tick} is run before
     * each look of {@link #STEP}; a null {@code tick} waits for the schedule alone, one look of {@code timeout}.
     */
    public static Optional<ConsumerRecord<String, String>> await(TopicReader reader, Predicate<ConsumerRecord<String, String>> wanted,
                                                                 Duration timeout, Supplier<Uni<Void>> tick) {
        if (tick == null) {
            return reader.await(wanted, timeout);
        }
        Instant deadline = Instant.now().plus(timeout);
        // Records already read come first, without a tick: events stored together arrive together.
        Optional<ConsumerRecord<String, String>> found = reader.await(wanted, Duration.ZERO);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            run(tick);
            Duration left = Duration.between(Instant.now(), deadline);
            found = reader.await(wanted, left.compareTo(STEP) > 0 ? STEP : left);
        }
        return found;
    }
}
