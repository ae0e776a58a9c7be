package io.tribu.publishing.post;

import io.tribu.publishing.outbox.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The published example is what consumers test their readers against: it must follow the schema. */
class PostEventExampleTest {

    static final String EVENT = "post-created.v1";

    static ObjectNode example() throws IOException {
        try (InputStream example = PostEventExampleTest.class.getResourceAsStream("/events/" + EVENT + ".example.json")) {
            return (ObjectNode) new ObjectMapper().readTree(example);
        }
    }

    @Test
    void exampleFollowsTheSchema() throws Exception {
        JsonNode event = example();
        assertEquals(PostCreated.TYPE, event.get("type").asText());
        assertEquals(Set.of(), EventSchemas.violations(EVENT, event));
    }

    @Test
    void anUnplannedDraftFollowsTheSchema() throws Exception {
        ObjectNode event = example();
        ((ObjectNode) event.get("data")).putNull("plannedAt");
        assertEquals(Set.of(), EventSchemas.violations(EVENT, event));
    }

    @Test
    void schemaRejectsEventsMissingWhatConsumersRelyOn() throws Exception {
        assertRejected(event -> event.remove("tenant"));
        assertRejected(event -> ((ObjectNode) event.get("data")).remove("postId"));
        assertRejected(event -> ((ObjectNode) event.get("data")).putArray("networks"));
        assertRejected(event -> ((ArrayNode) event.get("data").get("networks")).add("myspace"));
        assertRejected(event -> ((ArrayNode) event.get("data").get("networks")).add("mastodon"));
    }

    private static void assertRejected(Consumer<ObjectNode> change) throws IOException {
        ObjectNode event = example();
        change.accept(event);
        assertFalse(EventSchemas.violations(EVENT, event).isEmpty(), () -> "schema accepted " + event);
    }
}
