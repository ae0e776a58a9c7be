package io.tribu.listening.mention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The published example is what consumers test their readers against: it must follow the schema. */
class MentionEventExampleTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "mention-recorded.v1.example.json", "mention-recorded.v1.owned-comment.example.json"})
    void examplesFollowTheSchema(String file) throws Exception {
        try (InputStream example = getClass().getResourceAsStream("/events/" + file)) {
            JsonNode event = new ObjectMapper().readTree(example);
            assertEquals(MentionRecorded.TYPE, event.get("type").asText());
            assertEquals(java.util.Set.of(), EventSchemas.violations("mention-recorded.v1", event));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "mention-updated.v1, " + MentionUpdated.TYPE + ", editedAt",
            "mention-withdrawn.v1, " + MentionWithdrawn.TYPE + ", withdrawnAt"})
    void lifecycleExamplesFollowTheirSchemaWhichRequiresTheirTime(String event, String type, String time)
            throws Exception {
        try (InputStream example = getClass().getResourceAsStream("/events/" + event + ".example.json")) {
            com.fasterxml.jackson.databind.node.ObjectNode read =
                    (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(example);
            assertEquals(type, read.get("type").asText());
            assertEquals(java.util.Set.of(), EventSchemas.violations(event, read));
            ((com.fasterxml.jackson.databind.node.ObjectNode) read.get("data")).remove(time);
            assertFalse(EventSchemas.violations(event, read).isEmpty());
        }
    }

    @Test
    void schemaRejectsAnEventWithoutTenant() throws Exception {
        try (InputStream example = getClass().getResourceAsStream("/events/mention-recorded.v1.example.json")) {
            com.fasterxml.jackson.databind.node.ObjectNode event =
                    (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(example);
            event.remove("tenant");
            assertFalse(EventSchemas.violations("mention-recorded.v1", event).isEmpty());
        }
    }
}
