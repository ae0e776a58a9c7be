package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Mention events built from the examples listening publishes with its schema (contract drift fails here). */
final class MentionEvents {

    static final Path OWNED_COMMENT_EXAMPLE = Path.of("..", "listening-service", "src", "main", "resources", "events",
            "mention-recorded.v1.owned-comment.example.json");
    static final Path WEB_MENTION_EXAMPLE = Path.of("..", "listening-service", "src", "main", "resources", "events",
            "mention-recorded.v1.example.json");

    static final Path UPDATED_EXAMPLE = Path.of("..", "listening-service", "src", "main", "resources", "events",
            "mention-updated.v1.example.json");
    static final Path WITHDRAWN_EXAMPLE = Path.of("..", "listening-service", "src", "main", "resources", "events",
            "mention-withdrawn.v1.example.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MentionEvents() {
    }

    static ObjectNode read(Path example) {
        try {
            return (ObjectNode) JSON.readTree(example.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String event(Path example, UUID eventId, UUID mentionId, String tenant, String brandId) {
        ObjectNode event = read(example);
        event.put("id", eventId.toString());
        event.put("tenant", tenant);
        event.put("subject", brandId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("brandId", brandId);
        data.put("mentionId", mentionId.toString());
        return event.toString();
    }

    /** The owned-comment example with another text and author. */
    static String comment(UUID mentionId, String tenant, String brandId, String text, String author) {
        ObjectNode event = (ObjectNode) readString(event(OWNED_COMMENT_EXAMPLE, UUID.randomUUID(), mentionId, tenant, brandId));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("text", text);
        data.put("author", author);
        return event.toString();
    }

    /** The owned-comment example published at that time. */
    static String publishedAt(UUID mentionId, String tenant, String brandId, Instant publishedAt) {
        ObjectNode event = (ObjectNode) readString(event(OWNED_COMMENT_EXAMPLE, UUID.randomUUID(), mentionId, tenant, brandId));
        ((ObjectNode) event.get("data")).put("publishedAt", publishedAt.toString());
        return event.toString();
    }

    /** Listening's mention.updated example: the mention edited to this text at that time. */
    static String updated(UUID eventId, UUID mentionId, String tenant, String brandId, String text, Instant editedAt) {
        ObjectNode event = (ObjectNode) readString(event(UPDATED_EXAMPLE, eventId, mentionId, tenant, brandId));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("text", text);
        data.put("editedAt", editedAt.toString());
        return event.toString();
    }

    /** Listening's mention.withdrawn example: the mention deleted at its source at that time. */
    static String withdrawn(UUID eventId, UUID mentionId, String tenant, String brandId, Instant withdrawnAt) {
        ObjectNode event = (ObjectNode) readString(event(WITHDRAWN_EXAMPLE, eventId, mentionId, tenant, brandId));
        ((ObjectNode) event.get("data")).put("withdrawnAt", withdrawnAt.toString());
        return event.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode readString(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
