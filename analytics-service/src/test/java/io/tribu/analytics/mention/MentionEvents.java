package io.tribu.analytics.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Mention events built from the example the listening service publishes with its schema, so that a
 * change on the producer side that this reader cannot follow fails this build.
 */
public final class MentionEvents {

    static final Path PRODUCER_EXAMPLE =
            Path.of("..", "listening-service", "src", "main", "resources", "events", "mention-recorded.v1.example.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MentionEvents() {
    }

    static ObjectNode producerExample() {
        try {
            return (ObjectNode) JSON.readTree(PRODUCER_EXAMPLE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mention heard at a given source, in a language, from an author with that many followers. */
    public static String mention(UUID eventId, String tenant, String brandId, String publishedAt, String source,
                                 String language, Long authorReach) {
        ObjectNode event = (ObjectNode) readTree(mention(eventId, tenant, brandId, publishedAt));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("source", source);
        if (language == null) {
            data.putNull("language");
        } else {
            data.put("language", language);
        }
        if (authorReach != null) {
            data.put("authorReach", authorReach);
        }
        return event.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String mention(UUID eventId, String tenant, String brandId, String publishedAt) {
        ObjectNode event = producerExample();
        event.put("id", eventId.toString());
        event.put("tenant", tenant);
        event.put("subject", brandId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("brandId", brandId);
        data.put("mentionId", UUID.randomUUID().toString());
        data.put("publishedAt", publishedAt);
        return event.toString();
    }
}
