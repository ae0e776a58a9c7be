package io.tribu.moderation.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields moderation reads from listening's {@code tribu.listening.mention.updated.v1} event: the text as its
 * author edited it at the source, and what listening read from it. Applied only to mentions already in the inbox.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionUpdatedReader(UUID id, String type, String tenant, Data data) {

    public static final String TYPE = "tribu.listening.mention.updated.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, String source, String text, String url, String language,
                       MentionRecordedReader.Sentiment sentiment, Instant editedAt) {
    }

    /** Why the event cannot be applied, or null when it can. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.mentionId() == null || data.brandId() == null || data.text() == null
                || data.editedAt() == null) {
            return "missing data.mentionId, brandId, text or editedAt";
        }
        return null;
    }
}
