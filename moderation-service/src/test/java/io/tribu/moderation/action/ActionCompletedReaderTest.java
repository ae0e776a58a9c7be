package io.tribu.moderation.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Moderation's reader against the example publishing owns: a change of contract fails here. */
class ActionCompletedReaderTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void readsPublishingsExample() throws Exception {
        ActionCompletedReader event = JSON.readValue(
                new File("../publishing-service/src/main/resources/events/action-completed.v1.example.json"),
                ActionCompletedReader.class);
        assertNull(event.defect());
        assertEquals(UUID.fromString("e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"), event.data().actionId());
        assertEquals("done", event.data().outcome());
        assertEquals("https://piaille.fr/@cafelumiere/113512345699990001", event.data().resultUrl());
    }

    @Test
    void anUnknownOutcomeIsADefect() throws Exception {
        String text = java.nio.file.Files.readString(
                java.nio.file.Path.of("../publishing-service/src/main/resources/events/action-completed.v1.example.json"))
                .replace("\"outcome\": \"done\"", "\"outcome\": \"maybe\"");
        assertEquals("data.outcome must be done or failed", JSON.readValue(text, ActionCompletedReader.class).defect());
    }
}
