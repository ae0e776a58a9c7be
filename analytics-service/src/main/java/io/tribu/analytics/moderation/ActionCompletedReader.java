package io.tribu.analytics.moderation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields analytics reads from publishing's {@code tribu.publishing.action.completed.v1} event: what the network
 * did with a hide, delete or reply moderation asked of it. A {@code done} one is the interaction's response (the
 * moment moderation dates its first response at), unless it removed the brand's answer ({@code delete_reply}); a
 * {@code failed} one answered nobody. Unknown fields are ignored.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCompletedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.publishing.action.completed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID actionId, UUID itemId, String brandId, String action, String outcome, Instant completedAt) {

        public boolean done() {
            return "done".equals(outcome);
        }

        /** Carried out, and an answer to the interaction (a deleted reply is none). */
        public boolean answered() {
            return done() && !DecisionRecordedReader.DELETE_REPLY.equals(action);
        }
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.itemId() == null || data.brandId() == null || data.outcome() == null
                || data.completedAt() == null) {
            return "missing data.itemId, brandId, outcome or completedAt";
        }
        return null;
    }
}
