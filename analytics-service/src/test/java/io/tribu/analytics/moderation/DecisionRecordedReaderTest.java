package io.tribu.analytics.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract test: analytics' reader understands the example event published by moderation. */
class DecisionRecordedReaderTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheProducersExample() throws Exception {
        DecisionRecordedReader event = json.treeToValue(DecisionEvents.producerExample(), DecisionRecordedReader.class);
        assertNull(event.defect());
        assertEquals("assign", event.data().action());
        assertEquals(Instant.parse("2026-11-21T18:42:00Z"), event.data().itemPublishedAt());
    }

    @Test
    void aDecisionWithoutItemPublicationTimeIsDefective() throws Exception {
        var example = DecisionEvents.producerExample();
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.get("data")).remove("itemPublishedAt");
        assertEquals("missing data.decisionId, itemId, brandId, action, itemPublishedAt or decidedAt",
                json.treeToValue(example, DecisionRecordedReader.class).defect());
    }
}
