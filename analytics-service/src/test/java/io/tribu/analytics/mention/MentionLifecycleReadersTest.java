package io.tribu.analytics.mention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract tests: analytics' readers understand the mention.updated and mention.withdrawn examples listening publishes. */
class MentionLifecycleReadersTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheProducersUpdatedExample() throws Exception {
        MentionUpdatedReader event = json.treeToValue(
                MentionEvents.producerExample(MentionEvents.PRODUCER_UPDATED_EXAMPLE), MentionUpdatedReader.class);

        assertNull(event.defect());
        assertEquals(MentionUpdatedReader.TYPE, event.type());
        assertEquals("soleil", event.tenant());
        assertEquals("cafe-lumiere", event.brandId());
        assertEquals(UUID.fromString("0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b"), event.mentionId());
        assertEquals(Instant.parse("2026-11-20T10:12:30.400Z"), event.data().editedAt());
        MentionFact fact = event.applyTo(MentionFact.unknown("soleil", "cafe-lumiere", event.mentionId()));
        assertEquals("positive", fact.content().sentiment());
        assertEquals("fr", fact.content().language());
        assertEquals("mastodon", fact.content().source());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), fact.content().publishedAt());
        assertEquals(List.of("Grain d'Or"), fact.content().competitors());
        assertEquals(true, fact.content().aboutBrand());
        assertEquals(2, fact.content().queryIds().size());
        assertEquals(true, fact.content().text().startsWith("Le nouveau torréfié"));
        assertEquals(false, fact.counted(), "an edit heard before its recording waits for it");
    }

    @Test
    void readsTheProducersWithdrawnExample() throws Exception {
        MentionWithdrawnReader event = json.treeToValue(
                MentionEvents.producerExample(MentionEvents.PRODUCER_WITHDRAWN_EXAMPLE), MentionWithdrawnReader.class);

        assertNull(event.defect());
        assertEquals(MentionWithdrawnReader.TYPE, event.type());
        assertEquals("soleil", event.tenant());
        assertEquals("cafe-lumiere", event.brandId());
        assertEquals(UUID.fromString("0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b"), event.mentionId());
        assertEquals(true, event.applyTo(MentionFact.unknown("soleil", "cafe-lumiere", event.mentionId())).withdrawn());
    }

    @Test
    void eventsMissingWhatTheLedgerNeedsAreDefective() throws Exception {
        ObjectNode updated = MentionEvents.producerExample(MentionEvents.PRODUCER_UPDATED_EXAMPLE);
        ((ObjectNode) updated.get("data")).remove("editedAt");
        assertEquals("missing data.mentionId, brandId, publishedAt or editedAt",
                json.treeToValue(updated, MentionUpdatedReader.class).defect());

        ObjectNode withdrawn = MentionEvents.producerExample(MentionEvents.PRODUCER_WITHDRAWN_EXAMPLE);
        ((ObjectNode) withdrawn.get("data")).remove("mentionId");
        assertEquals("missing data.mentionId or brandId", json.treeToValue(withdrawn, MentionWithdrawnReader.class).defect());

        ObjectNode recorded = MentionEvents.producerExample();
        ((ObjectNode) recorded.get("data")).remove("mentionId");
        assertEquals("missing data.mentionId, brandId or publishedAt",
                json.treeToValue(recorded, MentionRecordedReader.class).defect());
    }
}
