package io.tribu.analytics.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/** Decision events built from the example moderation publishes with its schema. */
public final class DecisionEvents {

    static final Path PRODUCER_EXAMPLE = Path.of("..", "moderation-service", "src", "main", "resources", "events",
            "decision-recorded.v1.example.json");

    static final Path PUBLISHING_OUTCOME_EXAMPLE = Path.of("..", "publishing-service", "src", "main", "resources",
            "events", "action-completed.v1.example.json");

    private DecisionEvents() {
    }

    static ObjectNode producerExample() {
        return example(PRODUCER_EXAMPLE);
    }

    static ObjectNode example(Path path) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String decision(String tenant, String brand, UUID item, String action, String itemPublishedAt,
                           String decidedAt) {
        ObjectNode event = producerExample();
        event.put("id", UUID.randomUUID().toString());
        event.put("tenant", tenant);
        event.put("subject", brand);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("decisionId", UUID.randomUUID().toString());
        data.put("itemId", item.toString());
        data.put("brandId", brand);
        data.put("action", action);
        data.put("itemPublishedAt", itemPublishedAt);
        data.put("decidedAt", decidedAt);
        return event.toString();
    }

    /** A decision that took the item from one status to another (equal: a network action awaiting publishing). */
    static String decision(String tenant, String brand, UUID item, String action, String fromStatus, String toStatus,
                           String itemPublishedAt, String decidedAt) {
        ObjectNode event = (ObjectNode) readTree(decision(tenant, brand, item, action, itemPublishedAt, decidedAt));
        ((ObjectNode) event.get("data")).put("fromStatus", fromStatus).put("toStatus", toStatus);
        return event.toString();
    }

    /** The decision as moderation sends it since it names the item's channel; null: as before, without it. */
    static String fromChannel(String decision, String source) {
        ObjectNode event = (ObjectNode) readTree(decision);
        ObjectNode data = (ObjectNode) event.get("data");
        if (source == null) {
            data.remove("source");
        } else {
            data.put("source", source);
        }
        return event.toString();
    }

    /** Publishing's outcome of a network action moderation asked for on the item: done or failed. */
    static String outcome(String tenant, String brand, UUID item, String action, String outcome, String completedAt) {
        ObjectNode event = example(PUBLISHING_OUTCOME_EXAMPLE);
        event.put("id", UUID.randomUUID().toString());
        event.put("tenant", tenant);
        event.put("subject", brand);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("actionId", UUID.randomUUID().toString()).put("itemId", item.toString()).put("brandId", brand)
                .put("action", action).put("outcome", outcome).put("completedAt", completedAt);
        if ("failed".equals(outcome)) {
            data.put("reason", "no mastodon channel connected").putNull("resultUrl").putNull("resultExternalId");
        }
        return event.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
