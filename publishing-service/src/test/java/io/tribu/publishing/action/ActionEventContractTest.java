package io.tribu.publishing.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tribu.publishing.outbox.EventSchemas;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moderation's example request read with publishing's reader; publishing's completed event against its own schema. */
class ActionEventContractTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final Path MODERATION_EXAMPLE = Path.of("../moderation-service/src/main/resources/events/action-requested.v1.example.json");

    @Test
    void moderationsExampleIsReadableAndComplete() throws Exception {
        ActionRequestedReader event = JSON.readValue(Files.readString(MODERATION_EXAMPLE), ActionRequestedReader.class);
        assertNull(event.defect());
        assertEquals("soleil", event.tenant());
        assertEquals(UUID.fromString("e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"), event.data().actionId());
        assertEquals("reply", event.data().action());
        assertEquals("mastodon", event.data().network());
        assertEquals("113512345678901234", event.data().targetExternalId());
        assertFalse(event.data().privately());
        assertTrue(event.data().replyText().startsWith("Bonjour Julien"));
    }

    @Test
    void incompleteRequestsAreRefusedWithTheReason() throws Exception {
        ObjectNode example = (ObjectNode) JSON.readTree(Files.readString(MODERATION_EXAMPLE));
        ((ObjectNode) example.get("data")).remove("replyText");
        assertEquals("a reply needs data.replyText", JSON.treeToValue(example, ActionRequestedReader.class).defect());
        ((ObjectNode) example.get("data")).put("action", "ban");
        assertEquals("unknown action ban", JSON.treeToValue(example, ActionRequestedReader.class).defect());
        ((ObjectNode) example.get("data")).remove("actionId");
        assertTrue(JSON.treeToValue(example, ActionRequestedReader.class).defect().startsWith("missing data.actionId"));
    }

    @Test
    void completedExampleAndTheEventWrittenFollowTheSchema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/action-completed.v1.example.json")) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            assertEquals(Set.of(), EventSchemas.violations("action-completed.v1", example));
            ((ObjectNode) example.get("data")).remove("actionId");
            assertFalse(EventSchemas.violations("action-completed.v1", example).isEmpty());
        }
        ActionCompleted failed = new ActionCompleted(UUID.randomUUID(), UUID.randomUUID(), "cafe-lumiere", "hide", "x", null,
                "failed", "the brand has no x channel connected", null, null, 1, Instant.now());
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/tribu/publishing").put("type", ActionCompleted.TYPE).put("subject", "cafe-lumiere")
                .put("time", Instant.now().toString()).put("tenant", "soleil");
        event.set("data", JSON.valueToTree(failed));
        assertEquals(Set.of(), EventSchemas.violations("action-completed.v1", event));
    }
}
