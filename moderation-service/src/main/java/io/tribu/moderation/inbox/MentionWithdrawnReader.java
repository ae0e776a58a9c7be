package io.tribu.moderation.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields moderation reads from listening's {@code tribu.listening.mention.withdrawn.v1} event: the mention was
 * deleted at its source. Applied only to mentions already in the inbox.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionWithdrawnReader(UUID id, String type, String tenant, Data data) {

    public static final String TYPE = "tribu.listening.mention.withdrawn.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, Instant withdrawnAt, String reason) {
    }

    /** Why the event cannot be applied, or null when it can. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.mentionId() == null || data.brandId() == null || data.withdrawnAt() == null
                || data.reason() == null || data.reason().isBlank()) {
            return "missing data.mentionId, brandId, withdrawnAt or reason";
        }
        return null;
    }
}
