package io.tribu.analytics.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * How every analytics consumer takes an event in: read it with the consumer's own record, apply it
 * once (the event id and the effect commit in one transaction, a redelivery changes nothing), then
 * acknowledge. Unreadable or invalid events are nacked, which sends them to the dead-letter topic.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final ObjectMapper json;

    public EventIntake(ObjectMapper json) {
        this.json = json;
    }

    public <T extends IncomingEvent> Uni<Void> take(Message<String> message, Class<T> reader,
                                                    BiFunction<Mutiny.Session, T, Uni<Void>> effect) {
        T event;
        try {
            event = json.readValue(message.getPayload(), reader);
        } catch (JsonProcessingException e) {
            return nack(message, "unreadable event: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return nack(message, "unreadable event: " + e.getMessage());
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, "invalid event " + event.id() + ": " + defect);
        }
        return applyOnce(event, effect)
                // Database hiccups are retried in place: the event is good, only storing it failed.
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure.getMessage()));
    }

    /**
     * For a topic that carries several event types of which this consumer reads one: events of the
     * other types are acknowledged untouched (they are not defects); the wanted type goes through
     * {@link #take}. An event without a readable type is taken, hence dead-lettered.
     */
    public <T extends IncomingEvent> Uni<Void> takeOfType(String type, Message<String> message, Class<T> reader,
                                                          BiFunction<Mutiny.Session, T, Uni<Void>> effect) {
        String actual;
        try {
            actual = json.readTree(message.getPayload()).path("type").asText(null);
        } catch (JsonProcessingException | RuntimeException e) {
            actual = null;
        }
        if (actual != null && !actual.equals(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return take(message, reader, effect);
    }

    private static <T extends IncomingEvent> Uni<Void> applyOnce(T event,
                                                                 BiFunction<Mutiny.Session, T, Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_id, type, processed_at) values (:id, :type, now())
                        on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? effect.apply(session, event) : Uni.createFrom().voidItem())));
    }

    private static Uni<Void> nack(Message<String> message, String reason) {
        LOG.warnf("Event sent to the dead-letter topic: %s", reason);
        return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(reason)));
    }
}
