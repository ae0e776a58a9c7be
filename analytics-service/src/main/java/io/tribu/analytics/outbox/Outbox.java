package io.tribu.analytics.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.UUID;

/** Writes events into the outbox table, inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Appends the event under a caller-chosen id, so that an event derived from data (an alert for an
     * episode) keeps the same id however many times it is derived; a second append of that id is a no-op.
     * {@code time} comes from the caller, which read its clock once: an alert's envelope and its detectedAt agree.
     */
    public Uni<Boolean> append(Mutiny.Session session, UUID id, String topic, String tenant, String brandId,
                               String type, Instant time, Object data) {
        CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, id, CloudEvent.SOURCE, type, brandId,
                time, "application/json", tenant, data);
        return session.createNativeQuery("""
                        insert into outbox_event (id, topic, message_key, payload, created_at)
                        values (:id, :topic, :key, :payload, :created)
                        on conflict (id) do nothing""")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", brandId)
                .setParameter("payload", serialize(event))
                .setParameter("created", event.time())
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private String serialize(CloudEvent<Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
