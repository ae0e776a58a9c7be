package io.tribu.analytics.moderation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tribu.analytics.event.IncomingEvent;

import java.time.Instant;
import java.util.UUID;

/** The fields analytics reads from moderation's {@code tribu.moderation.decision.recorded.v1} event. */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionRecordedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.moderation.decision.recorded.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID decisionId, UUID itemId, String brandId, String action, Instant itemPublishedAt,
                       Instant decidedAt) {
    }

    @Override
    public String defect() {
        if (id == null || !TYPE.equals(type)) {
            return "missing id or unexpected type " + type;
        }
        if (tenant == null || tenant.isBlank()) {
            return "missing tenant";
        }
        if (data == null || data.decisionId() == null || data.itemId() == null || data.brandId() == null
                || data.action() == null || data.itemPublishedAt() == null || data.decidedAt() == null) {
            return "missing data.decisionId, itemId, brandId, action, itemPublishedAt or decidedAt";
        }
        return null;
    }
}
