package io.tribu.listening.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.listening.mention.EventSchemas;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Consumers test their readers against the published example: it must follow the schema. */
class AlertEventExampleTest {

    @Test
    void exampleFollowsTheSchema() throws Exception {
        try (InputStream example = getClass().getResourceAsStream("/events/alert-raised.v1.example.json")) {
            JsonNode event = new ObjectMapper().readTree(example);
            assertEquals(AlertRaised.TYPE, event.get("type").asText());
            assertEquals(Set.of(), EventSchemas.violations("alert-raised.v1", event));
            ((ObjectNode) event.get("data")).put("type", "sometimes");
            assertFalse(EventSchemas.violations("alert-raised.v1", event).isEmpty());
        }
    }

    @Test
    void retractionExampleFollowsTheSchema() throws Exception {
        try (InputStream example = getClass().getResourceAsStream("/events/alert-retracted.v1.example.json")) {
            JsonNode event = new ObjectMapper().readTree(example);
            assertEquals(AlertRetracted.TYPE, event.get("type").asText());
            assertEquals(Set.of(), EventSchemas.violations("alert-retracted.v1", event));
            ((ObjectNode) event.get("data")).put("reason", "changed-my-mind");
            assertFalse(EventSchemas.violations("alert-retracted.v1", event).isEmpty());
        }
    }
}
