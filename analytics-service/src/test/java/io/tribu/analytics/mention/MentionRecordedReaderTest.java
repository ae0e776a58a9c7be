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
        assertEquals("positive", event.data().content().sentiment());
        assertEquals("Marie Dupont", event.data().author());
        assertNotNull(event.data().text());
        assertNotNull(event.data().storyId());
        assertEquals(2, event.data().content().queryIds().size());
        assertEquals(2, event.matchedQueries().size());
        assertEquals(false, event.matchedQueries().get(0).aboutCompetitor());
        assertEquals(true, event.matchedQueries().get(1).aboutCompetitor());
        assertEquals(true, event.data().content().aboutBrand());
        assertEquals(java.util.List.of("Grain d'Or"), event.data().content().competitors());
    }

    @Test
    void readsTheProducersOwnedCommentExample() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        MentionRecordedReader event = json.treeToValue(
                MentionEvents.producerExample(MentionEvents.PRODUCER_OWNED_COMMENT_EXAMPLE), MentionRecordedReader.class);

        assertNull(event.defect());
        assertEquals("negative", event.data().content().sentiment());
        assertEquals(0, event.data().content().queryIds().size());
        assertEquals(true, event.data().content().aboutBrand());
        assertEquals(0L, event.data().reach());
    }

    @Test
    void anOlderEventWithoutTheAdditiveFieldsIsStillRead() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        var example = MentionEvents.producerExample();
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) example.get("data");
        data.remove(java.util.List.of("sentiment", "matchedQueries", "storyId", "authorReach", "author"));
        MentionRecordedReader event = json.treeToValue(example, MentionRecordedReader.class);

        assertNull(event.defect());
        assertEquals(MentionContent.UNSCORED, event.data().content().sentiment());
        assertEquals(0, event.data().content().queryIds().size());
        assertNull(event.data().authorName());

        data.putNull("sentiment");
        data.putNull("matchedQueries");
        data.putNull("author");
        event = json.treeToValue(example, MentionRecordedReader.class);
        assertEquals(MentionContent.UNSCORED, event.data().content().sentiment());
        assertEquals(0, event.data().content().queryIds().size());
    }

    @Test
    void anEventWithoutTenantIsDefective() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        var example = MentionEvents.producerExample();
        example.remove("tenant");
        assertEquals("missing tenant", json.treeToValue(example, MentionRecordedReader.class).defect());
    }
}
