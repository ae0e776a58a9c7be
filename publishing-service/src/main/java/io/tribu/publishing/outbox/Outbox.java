package io.tribu.publishing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

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
        return build(topic, tenant, brandId, type, data).persist();
    }

    /** The row, not yet stored: for callers writing it with plain SQL in their own transaction. */
    public OutboxEvent build(String topic, String tenant, String brandId, String type, Object data) {
        CloudEvent<Object> event = CloudEvent.of(type, tenant, brandId, clock.instant(), data);
        OutboxEvent row = new OutboxEvent();
        row.id = event.id();
        row.topic = topic;
        row.messageKey = brandId;
        row.payload = serialize(event);
        row.createdAt = event.time();
        return row;
    }

    private String serialize(CloudEvent<Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
