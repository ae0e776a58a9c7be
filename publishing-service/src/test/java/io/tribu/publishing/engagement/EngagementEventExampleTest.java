package io.tribu.publishing.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.publishing.outbox.EventSchemas;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Analytics builds its reader against this example: it must follow the schema. */
class EngagementEventExampleTest {

    static final String EVENT = "engagement-collected.v1";

    static ObjectNode example() throws IOException {
        try (InputStream example = EngagementEventExampleTest.class.getResourceAsStream("/events/" + EVENT + ".example.json")) {
            return (ObjectNode) new ObjectMapper().readTree(example);
        }
    }

    @Test
    void exampleFollowsTheSchema() throws Exception {
        JsonNode event = example();
        assertEquals("tribu.publishing.engagement.collected.v1", event.get("type").asText());
        assertEquals(Set.of(), EventSchemas.violations(EVENT, event));
    }

    @Test
    void impressionsMayBeKnown() throws Exception {
        ObjectNode event = example();
        ((ObjectNode) event.get("data")).put("impressions", 1830);
        assertEquals(Set.of(), EventSchemas.violations(EVENT, event));
    }

    @Test
    void schemaRejectsEventsMissingWhatAnalyticsReliesOn() throws Exception {
        assertRejected(event -> ((ObjectNode) event.get("data")).remove("likes"));
        assertRejected(event -> ((ObjectNode) event.get("data")).remove("impressions"));
        assertRejected(event -> ((ObjectNode) event.get("data")).put("likes", -1));
        assertRejected(event -> ((ObjectNode) event.get("data")).put("network", "myspace"));
        assertRejected(event -> ((ObjectNode) event.get("data")).put("contentType", "story"));
    }

    private static void assertRejected(Consumer<ObjectNode> change) throws IOException {
        ObjectNode event = example();
        change.accept(event);
        assertFalse(EventSchemas.violations(EVENT, event).isEmpty(), () -> "schema accepted " + event);
    }
}
