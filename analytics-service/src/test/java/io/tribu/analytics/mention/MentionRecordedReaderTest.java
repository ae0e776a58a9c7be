package io.tribu.analytics.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract test: analytics' reader understands the example event published by listening. */
class MentionRecordedReaderTest {

    @Test
    void readsTheProducersExample() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        MentionRecordedReader event = json.treeToValue(MentionEvents.producerExample(), MentionRecordedReader.class);

        assertNull(event.defect());
        assertNotNull(event.id());
        assertEquals(MentionRecordedReader.TYPE, event.type());
        assertEquals("soleil", event.tenant());
        assertEquals("cafe-lumiere", event.data().brandId());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), event.data().publishedAt());
    }

    @Test
    void anEventWithoutTenantIsDefective() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        var example = MentionEvents.producerExample();
        example.remove("tenant");
        assertEquals("missing tenant", json.treeToValue(example, MentionRecordedReader.class).defect());
    }
}
