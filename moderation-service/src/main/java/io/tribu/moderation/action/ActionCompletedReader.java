package io.tribu.moderation.action;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.EventEnvelope;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.UUID;

/** The fields moderation reads from publishing's {@code tribu.publishing.action.completed.v1}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCompletedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.publishing.action.completed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID actionId, UUID itemId, String brandId, String action, String outcome, String reason,
                       String resultUrl, Instant completedAt) {
    }

    /** Why the event cannot be applied, or null when it can. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.actionId() == null || data.completedAt() == null) {
            return "missing data.actionId or data.completedAt";
        }
        if (!"done".equals(data.outcome()) && !"failed".equals(data.outcome())) {
            return "data.outcome must be done or failed";
        }
        return null;
    }
}
