package io.tribu.moderation.action;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
        if (id == null || !TYPE.equals(type)) {
            return "missing id or unexpected type " + type;
        }
        if (tenant == null || data == null || data.actionId() == null || data.completedAt() == null) {
            return "missing tenant, data.actionId or data.completedAt";
        }
        if (!"done".equals(data.outcome()) && !"failed".equals(data.outcome())) {
            return "data.outcome must be done or failed";
        }
        return null;
    }
}
