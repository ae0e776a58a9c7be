package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract test: moderation's readers understand the mention.updated and mention.withdrawn examples listening publishes. */
class MentionLifecycleReadersTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheUpdatedExample() throws Exception {
        MentionUpdatedReader event = json.treeToValue(MentionEvents.read(MentionEvents.UPDATED_EXAMPLE), MentionUpdatedReader.class);
        assertNull(event.defect());
        assertEquals("soleil", event.tenant());
        assertEquals("cafe-lumiere", event.data().brandId());
        assertEquals("positive", event.data().sentiment().label());
        assertEquals("fr", event.data().language());
        assertNotNull(event.data().editedAt());
        assertNotNull(event.data().text());
    }

    @Test
    void readsTheWithdrawnExample() throws Exception {
        MentionWithdrawnReader event = json.treeToValue(MentionEvents.read(MentionEvents.WITHDRAWN_EXAMPLE), MentionWithdrawnReader.class);
        assertNull(event.defect());
        assertEquals("deleted-at-source", event.data().reason());
        assertNotNull(event.data().withdrawnAt());
    }

    @Test
    void anEventMissingWhatItAppliesIsADefect() throws Exception {
        ObjectNode updated = MentionEvents.read(MentionEvents.UPDATED_EXAMPLE);
        ((ObjectNode) updated.get("data")).remove("text");
        assertNotNull(json.treeToValue(updated, MentionUpdatedReader.class).defect());
        ObjectNode withdrawn = MentionEvents.read(MentionEvents.WITHDRAWN_EXAMPLE);
        ((ObjectNode) withdrawn.get("data")).remove("mentionId");
        assertNotNull(json.treeToValue(withdrawn, MentionWithdrawnReader.class).defect());
        withdrawn = MentionEvents.read(MentionEvents.WITHDRAWN_EXAMPLE);
        withdrawn.remove("tenant");
        assertNotNull(json.treeToValue(withdrawn, MentionWithdrawnReader.class).defect());
    }
}
