package io.tribu.platform.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tribu.platform.config.PlatformConfig;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * How a consumer takes one event in: read it with the consumer's own record, apply it, acknowledge it once the effect
 * committed. An unreadable or invalid event, or one whose effect still fails after {@code tribu.intake.retries}, is
 * nacked: the channel's {@code failure-strategy=dead-letter-queue} puts it on the service's dead-letter topic with the
 * reason, and the partition moves on. The event is taken in under the consumer span that continues its trace.
 */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);

    private final ObjectMapper json;
    private final ProcessedEvents processed;
    private final IntakeMetrics metrics;
    private final PlatformConfig.IntakeSettings config;
    private final EventTraces traces;

    public Intake(ObjectMapper json, ProcessedEvents processed, IntakeMetrics metrics, PlatformConfig config,
                  EventTraces traces) {
        this.json = json;
        this.processed = processed;
        this.metrics = metrics;
        this.config = config.intake();
        this.traces = traces;
    }

    /**
     * Applies the event once: its id goes into {@code processed_event} in the effect's transaction, and a redelivered
     * event changes nothing. {@code effect} runs inside that Hibernate Reactive transaction.
     */
    public <T extends IncomingEvent> Uni<Void> takeOnce(Message<String> message, Class<T> reader, Function<T, Uni<?>> effect) {
        return take(message, reader, event -> Panache.withTransaction(() -> processed.firstTime(event.id(), event.type())
                .chain(first -> first ? effect.apply(event) : Uni.createFrom().nullItem())));
    }

    /** For an effect idempotent of itself (an insert keyed by the event's business id, say), in its own transaction. */
    public <T extends IncomingEvent> Uni<Void> take(Message<String> message, Class<T> reader, Function<T, Uni<?>> effect) {
        return traces.consume(message, () -> read(message, reader, effect));
    }

    private <T extends IncomingEvent> Uni<Void> read(Message<String> message, Class<T> reader, Function<T, Uni<?>> effect) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        T event;
        try {
            event = json.readValue(message.getPayload(), reader);
        } catch (JsonProcessingException e) {
            return deadLetter(message, topic, new IllegalArgumentException("unreadable event: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            return deadLetter(message, topic, new IllegalArgumentException("unreadable event: " + e.getMessage()));
        }
        String defect = event.defect();
        if (defect != null) {
            return deadLetter(message, topic, new IllegalArgumentException("invalid event " + event.id() + ": " + defect));
        }
        return Uni.createFrom().deferred(() -> effect.apply(event))
                // Database hiccups are retried in place: the event is good, only applying it failed.
                .onFailure().retry().withBackOff(config.backoff(), config.maxBackoff()).atMost(config.retries())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .invoke(() -> metrics.processed(topic, 1))
                .onFailure().recoverWithUni(failure -> deadLetter(message, topic, failure));
    }

    private Uni<Void> deadLetter(Message<String> message, String topic, Throwable reason) {
        if (reason instanceof IllegalArgumentException) {
            LOG.warnf("Event of %s sent to the dead-letter topic: %s", topic, reason.getMessage());
        } else {
            LOG.warnf(reason, "Event of %s sent to the dead-letter topic after retries", topic);
        }
        metrics.deadLettered(topic);
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
