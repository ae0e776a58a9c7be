package io.tribu.analytics.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tribu.platform.config.PlatformConfig;
import io.tribu.platform.intake.IncomingEvent;
import io.tribu.platform.intake.IntakeMetrics;
import io.tribu.platform.intake.ProcessedEvents;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How every analytics consumer takes a batch of events in (one Kafka poll, in partition order): read each
 * with the consumer's own record, apply the new ones once in ONE transaction (their ids and the effect
 * commit together, a redelivered event changes nothing), then acknowledge the batch. Unreadable or invalid
 * events go to the dead-letter topic before the acknowledgement. When storing keeps failing the batch is
 * nacked and the channel stops (failure-strategy fail): nothing is acknowledged that was not stored, and
 * a restart reads the batch again. The batch is taken in under a span that continues its events' trace.
 */
@ApplicationScoped
public class EventIntake {

    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final ProcessedEvents processed;
    private final IntakeMetrics metrics;
    private final PlatformConfig.IntakeSettings config;
    private final EventTraces traces;

    public EventIntake(ObjectMapper json, DeadLetters deadLetters, ProcessedEvents processed, IntakeMetrics metrics,
                       PlatformConfig config, EventTraces traces) {
        this.json = json;
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.metrics = metrics;
        this.config = config.intake();
        this.traces = traces;
    }

    /** Every event of the batch must be readable by {@code reader}; the others are dead letters. */
    public <T extends IncomingEvent> Uni<Void> take(KafkaRecordBatch<String, String> batch, Class<T> reader,
                                                    BiFunction<Mutiny.Session, List<T>, Uni<Void>> effect) {
        return takeRead(batch, payload -> reader, effect);
    }

    /**
     * For a topic that carries several event types of which this consumer reads one ({@code type}): events of
     * the other types are acknowledged untouched (they are not defects). An event without a readable type is
     * read, hence dead-lettered.
     */
    public <T extends IncomingEvent> Uni<Void> takeOfType(String type, KafkaRecordBatch<String, String> batch,
                                                          Class<T> reader,
                                                          BiFunction<Mutiny.Session, List<T>, Uni<Void>> effect) {
        return takeOfTypes(Map.of(type, reader), batch, effect);
    }

    /**
     * For a topic whose types this consumer reads several of, each with its reader ({@code readers} by type): the
     * effect sees them together, in partition order. Events of other types are acknowledged untouched; an event
     * without a readable type is a dead letter.
     */
    public <T extends IncomingEvent> Uni<Void> takeOfTypes(Map<String, Class<? extends T>> readers,
                                                           KafkaRecordBatch<String, String> batch,
                                                           BiFunction<Mutiny.Session, List<T>, Uni<Void>> effect) {
        return takeRead(batch, payload -> {
            String type = typeOf(payload);
            if (type == null) {
                // Read with any of them: the reader names what is missing.
                return readers.values().iterator().next();
            }
            return readers.get(type);
        }, effect);
    }

    /** {@code readerOf} gives the reader of a payload, or null for a payload this consumer skips. */
    private <T extends IncomingEvent> Uni<Void> takeRead(KafkaRecordBatch<String, String> batch,
                                                         Function<String, Class<? extends T>> readerOf,
                                                         BiFunction<Mutiny.Session, List<T>, Uni<Void>> effect) {
        return traces.consume(batch, () -> read(batch, readerOf, effect));
    }

    private <T extends IncomingEvent> Uni<Void> read(KafkaRecordBatch<String, String> batch,
                                                     Function<String, Class<? extends T>> readerOf,
                                                     BiFunction<Mutiny.Session, List<T>, Uni<Void>> effect) {
        List<T> events = new ArrayList<>();
        Uni<Void> rejected = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Class<? extends T> reader = readerOf.apply(record.getPayload());
            if (reader == null) {
                continue;
            }
            String defect;
            try {
                T event = json.readValue(record.getPayload(), reader);
                defect = event.defect() == null ? null : "invalid event " + event.id() + ": " + event.defect();
                if (defect == null) {
                    events.add(event);
                }
            } catch (JsonProcessingException e) {
                defect = "unreadable event: " + e.getOriginalMessage();
            } catch (RuntimeException e) {
                defect = "unreadable event: " + e.getMessage();
            }
            if (defect != null) {
                String reason = defect;
                rejected = rejected.chain(() -> deadLetters.send(record, reason))
                        .invoke(() -> metrics.deadLettered(record.getTopic()));
            }
        }
        return rejected
                .chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : applyOnce(events, effect)
                        // Database hiccups are retried in place: the events are good, only storing them failed.
                        .onFailure().retry().withBackOff(config.backoff(), config.maxBackoff()).atMost(config.retries()))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(() -> {
                    if (!events.isEmpty()) {
                        metrics.processed(batch.getRecords().get(0).getTopic(), events.size());
                    }
                })
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(batch.nack(failure)));
    }

    /** For effects written per event: each in turn, inside the batch's transaction. */
    public static <T> BiFunction<Mutiny.Session, List<T>, Uni<Void>> eachInTurn(
            BiFunction<Mutiny.Session, T, Uni<Void>> effect) {
        return (session, events) -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (T event : events) {
                chain = chain.chain(() -> effect.apply(session, event));
            }
            return chain;
        };
    }

    /** The payload's {@code type}, or null when it has none or is not JSON. */
    private String typeOf(String payload) {
        try {
            return json.readTree(payload).path("type").asText(null);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** Records the batch's event ids; the effect sees only the events not applied before, in batch order. */
    private <T extends IncomingEvent> Uni<Void> applyOnce(List<T> events,
                                                          BiFunction<Mutiny.Session, List<T>, Uni<Void>> effect) {
        Map<UUID, T> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        return Panache.withTransaction(() -> processed.firstTimes(byId.values())
                .chain(fresh -> {
                    List<T> toApply = byId.values().stream().filter(event -> fresh.contains(event.id())).toList();
                    return toApply.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.getSession().chain(session -> effect.apply(session, toApply));
                }));
    }
}
