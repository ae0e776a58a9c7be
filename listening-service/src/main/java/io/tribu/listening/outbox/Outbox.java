package io.tribu.listening.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.sql.Columns;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes events into the outbox table, inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Uni<OutboxEvent> append(String topic, String tenant, String brandId, String type, Object data) {
        CloudEvent<Object> event = CloudEvent.of(type, tenant, brandId, clock.instant(), data);
        OutboxEvent row = new OutboxEvent();
        row.id = event.id();
        row.topic = topic;
        row.messageKey = brandId;
        row.payload = serialize(event);
        row.createdAt = event.time();
        return row.persist();
    }

    /** One event to append with others in a single statement. */
    public record Pending(String topic, String tenant, String brandId, String type, Object data) {
    }

    /** Appends several events with one statement, in the caller's transaction and in list order. */
    public Uni<Void> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Creation times one microsecond apart keep the relay's order (created_at) the list's order.
        Instant base = clock.instant();
        List<CloudEvent<Object>> cloudEvents = events.stream()
                .map(e -> CloudEvent.of(e.type(), e.tenant(), e.brandId(), base, e.data())).toList();
        String[] times = new String[events.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = base.plusNanos(i * 1000L).toString();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into outbox_event (id, topic, message_key, payload, created_at)
                        select cast(id as uuid), topic, message_key, payload, cast(created_at as timestamptz)
                        from unnest(cast(:ids as text[]), cast(:topics as text[]), cast(:keys as text[]),
                                    cast(:payloads as text[]), cast(:times as text[]))
                             as t(id, topic, message_key, payload, created_at)""")
                .setParameter("ids", Columns.of(cloudEvents, CloudEvent::id))
                .setParameter("topics", Columns.of(events, Pending::topic))
                .setParameter("keys", Columns.of(events, Pending::brandId))
                .setParameter("payloads", Columns.of(cloudEvents, this::serialize))
                .setParameter("times", times)
                .executeUpdate())
                .replaceWithVoid();
    }

    private String serialize(CloudEvent<Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
