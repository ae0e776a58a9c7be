package io.tribu.moderation.comment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

import static io.tribu.platform.intake.EventEnvelope.blank;

/** The fields moderation reads from publishing's {@code tribu.publishing.comment.collected.v1} event. */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommentCollectedReader(UUID id, String type, String tenant, Data data) {

    public static final String TYPE = "tribu.publishing.comment.collected.v1";
    static final Set<String> CHANGES = Set.of("new", "edited");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String change, UUID channelId, String brandId, String network, String accountId, String commentId,
                       String parentId, String videoId, Author author, String text, String url, boolean fromChannel,
                       Instant publishedAt, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String name, String accountId) {
    }

    /** The inbox item of a comment: one per agency, publishing channel and network comment id, whatever event brings it. */
    static UUID itemId(String tenant, UUID channelId, String network, String commentId) {
        return UUID.nameUUIDFromBytes((tenant + ":" + network + ":" + channelId + ":" + commentId).getBytes(StandardCharsets.UTF_8));
    }

    /** Why the event cannot be applied (it goes to the dead-letter topic), or null. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || !CHANGES.contains(data.change()) || data.channelId() == null || blank(data.brandId())
                || blank(data.network()) || blank(data.commentId()) || data.text() == null || data.publishedAt() == null
                || data.updatedAt() == null) {
            return "missing or unknown data.change, channelId, brandId, network, commentId, text, publishedAt or updatedAt";
        }
        return null;
    }
}
