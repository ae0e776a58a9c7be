package io.tribu.analytics.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Publishing's events built from the examples publishing ships with its schemas (checked against them). */
public final class PublishingEvents {

    public static final String POSTS_TOPIC = "tribu.publishing.posts";
    public static final String ENGAGEMENT_TOPIC = "tribu.publishing.engagement";
    static final Path EVENTS = Path.of("..", "publishing-service", "src", "main", "resources", "events");
    static final ObjectMapper JSON = new ObjectMapper();

    private PublishingEvents() {
    }

    public static ObjectNode producerExample(String name) {
        try {
            return (ObjectNode) JSON.readTree(EVENTS.resolve(name + ".v1.example.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> violations(String name, JsonNode event) {
        try (InputStream schema = Files.newInputStream(EVENTS.resolve(name + ".v1.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A post variant as the tests describe it. */
    public record Variant(String tenant, String brand, UUID post, UUID variant, UUID channel, String contentType,
                          Instant publishedAt, String... tags) {

        public static Variant of(String tenant, String brand, UUID channel, String contentType, Instant publishedAt,
                                 String... tags) {
            return new Variant(tenant, brand, UUID.randomUUID(), UUID.randomUUID(), channel, contentType, publishedAt, tags);
        }
    }

    public static String published(Variant variant) {
        ObjectNode event = producerExample("post-published");
        event.put("id", UUID.randomUUID().toString());
        event.put("tenant", variant.tenant());
        event.put("subject", variant.brand());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("postId", variant.post().toString());
        data.put("deliveryId", variant.variant().toString());
        data.put("brandId", variant.brand());
        data.put("channelId", variant.channel().toString());
        data.put("publishedAt", variant.publishedAt().toString());
        return checked("post-published", event);
    }

    public static String collected(Variant variant, Instant collectedAt, long likes, long comments, long shares,
                                   Long impressions) {
        ObjectNode event = producerExample("engagement-collected");
        event.put("id", UUID.randomUUID().toString());
        event.put("tenant", variant.tenant());
        event.put("subject", variant.brand());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("postId", variant.post().toString());
        data.put("variantId", variant.variant().toString());
        data.put("brandId", variant.brand());
        data.put("channelId", variant.channel().toString());
        data.put("contentType", variant.contentType());
        ArrayNode tags = data.putArray("tags");
        for (String tag : variant.tags()) {
            tags.add(tag);
        }
        data.put("publishedAt", variant.publishedAt().toString());
        data.put("collectedAt", collectedAt.toString());
        data.put("likes", likes);
        data.put("comments", comments);
        data.put("shares", shares);
        if (impressions == null) {
            data.putNull("impressions");
        } else {
            data.put("impressions", impressions);
        }
        return checked("engagement-collected", event);
    }

    private static String checked(String name, ObjectNode event) {
        Set<ValidationMessage> violations = violations(name, event);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("test event breaks publishing's schema: " + violations);
        }
        return event.toString();
    }
}
