package io.tribu.analytics.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/** Decision events built from the example moderation publishes with its schema. */
final class DecisionEvents {

    static final Path PRODUCER_EXAMPLE = Path.of("..", "moderation-service", "src", "main", "resources", "events",
            "decision-recorded.v1.example.json");

    private DecisionEvents() {
    }

    static ObjectNode producerExample() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(PRODUCER_EXAMPLE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decision(String tenant, String brand, UUID item, String action, String itemPublishedAt,
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
}
