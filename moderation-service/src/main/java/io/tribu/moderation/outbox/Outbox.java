package io.tribu.moderation.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;

import java.time.Instant;
import java.util.List;

/** Writes events into the outbox table, inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    public Uni<OutboxEvent> append(String topic, String tenant, String brandId, String type, Object data) {
        CloudEvent<Object> event = CloudEvent.of(type, tenant, brandId, data);
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

    /** Appends several events with one multi-row insert, in the caller's transaction and in list order. */
    public Uni<Void> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into outbox_event (id, topic, message_key, payload, created_at) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :topic").append(i).append(", :key").append(i)
                    .append(", :payload").append(i).append(", :at").append(i).append(')');
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            // Creation times one microsecond apart keep the relay's order (created_at) the list's order.
            Instant base = Instant.now();
            for (int i = 0; i < events.size(); i++) {
                Pending pending = events.get(i);
                CloudEvent<Object> event = CloudEvent.of(pending.type(), pending.tenant(), pending.brandId(), pending.data());
                query.setParameter("id" + i, event.id())
                        .setParameter("topic" + i, pending.topic())
                        .setParameter("key" + i, pending.brandId())
                        .setParameter("payload" + i, serialize(event))
                        .setParameter("at" + i, base.plusNanos(i * 1000L));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private String serialize(CloudEvent<Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
