package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract test: moderation's reader understands both examples listening publishes. */
class MentionRecordedReaderTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheOwnedCommentExample() throws Exception {
        MentionRecordedReader event = json.treeToValue(
                MentionEvents.read(MentionEvents.OWNED_COMMENT_EXAMPLE), MentionRecordedReader.class);
        assertNull(event.defect());
        assertTrue(event.data().ownedChannel());
        assertEquals("comment", event.data().kind());
        assertEquals("soleil", event.tenant());
    }

    @Test
    void readsTheWebMentionExampleAsNotOwned() throws Exception {
        MentionRecordedReader event = json.treeToValue(
                MentionEvents.read(MentionEvents.WEB_MENTION_EXAMPLE), MentionRecordedReader.class);
        assertNull(event.defect());
        assertFalse(event.data().ownedChannel());
    }
}
