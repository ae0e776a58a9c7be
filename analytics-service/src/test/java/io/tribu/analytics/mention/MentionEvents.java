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
    static final Path PRODUCER_OWNED_COMMENT_EXAMPLE = Path.of("..", "listening-service", "src", "main", "resources",
            "events", "mention-recorded.v1.owned-comment.example.json");

    static final Path PRODUCER_UPDATED_EXAMPLE =
            Path.of("..", "listening-service", "src", "main", "resources", "events", "mention-updated.v1.example.json");
    static final Path PRODUCER_WITHDRAWN_EXAMPLE =
            Path.of("..", "listening-service", "src", "main", "resources", "events", "mention-withdrawn.v1.example.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MentionEvents() {
    }

    static ObjectNode producerExample() {
        return producerExample(PRODUCER_EXAMPLE);
    }

    static ObjectNode producerExample(Path example) {
        try {
            return (ObjectNode) JSON.readTree(example.toFile());
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

    /** A query a mention matched: the brand's own (competitor null) or one tracking a competitor. */
    public record Query(UUID id, String name, String competitor) {
    }

    /**
     * A mention with the fields the sentiment, share-of-voice, drivers and author measures read;
     * {@code sentiment} null drops it (an older event), as do {@code queries} null.
     */
    public static String scored(UUID eventId, String tenant, String brandId, String publishedAt, String sentiment,
                                String author, Long authorReach, String text, Query... queries) {
        ObjectNode event = (ObjectNode) readTree(mention(eventId, tenant, brandId, publishedAt));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("source", "mastodon");
        data.put("language", "fr");
        if (sentiment == null) {
            data.remove("sentiment");
        } else {
            data.putObject("sentiment").put("label", sentiment)
                    .put("score", switch (sentiment) { case "positive" -> 0.8; case "negative" -> -0.8; default -> 0.0; });
        }
        data.put("author", author);
        if (authorReach == null) {
            data.remove("authorReach");
        } else {
            data.put("authorReach", authorReach);
        }
        data.put("text", text);
        var ids = data.putArray("matchedQueryIds");
        var matched = data.putArray("matchedQueries");
        for (Query query : queries) {
            ids.add(query.id().toString());
            ObjectNode node = matched.addObject().put("id", query.id().toString()).put("name", query.name());
            node.put("subject", query.competitor() == null ? "brand" : "competitor");
            node.put("competitor", query.competitor());
        }
        return event.toString();
    }

    /** The same event about another mention: the id the lifecycle events below refer to. */
    public static String about(String event, UUID mentionId) {
        ObjectNode node = (ObjectNode) readTree(event);
        ((ObjectNode) node.get("data")).put("mentionId", mentionId.toString());
        return node.toString();
    }

    /** Listening's mention.updated: the mention as edited at {@code editedAt}, with its new label, language and text. */
    public static String updated(UUID eventId, String tenant, String brandId, UUID mentionId, String publishedAt,
                                 String editedAt, String sentiment, String language, String text, Query... queries) {
        ObjectNode event = producerExample(PRODUCER_UPDATED_EXAMPLE);
        event.put("id", eventId.toString());
        event.put("tenant", tenant);
        event.put("subject", brandId);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("brandId", brandId).put("mentionId", mentionId.toString()).put("publishedAt", publishedAt)
                .put("editedAt", editedAt).put("source", "mastodon").put("language", language).put("text", text);
        if (sentiment == null) {
            data.putNull("sentiment");
        } else {
            data.putObject("sentiment").put("label", sentiment).put("score", "negative".equals(sentiment) ? -0.8 : 0.8);
        }
        var ids = data.putArray("matchedQueryIds");
        var matched = data.putArray("matchedQueries");
        for (Query query : queries) {
            ids.add(query.id().toString());
            matched.addObject().put("id", query.id().toString()).put("name", query.name())
                    .put("subject", query.competitor() == null ? "brand" : "competitor").put("competitor", query.competitor());
        }
        return event.toString();
    }

    /** Listening's mention.withdrawn: the mention was deleted at its source. */
    public static String withdrawn(UUID eventId, String tenant, String brandId, UUID mentionId) {
        ObjectNode event = producerExample(PRODUCER_WITHDRAWN_EXAMPLE);
        event.put("id", eventId.toString());
        event.put("tenant", tenant);
        event.put("subject", brandId);
        ((ObjectNode) event.get("data")).put("brandId", brandId).put("mentionId", mentionId.toString());
        return event.toString();
    }
}
