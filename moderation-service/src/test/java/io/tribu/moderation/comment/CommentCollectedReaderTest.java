package io.tribu.moderation.comment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Moderation's reader of publishing's comment event, against publishing's own example. */
class CommentCollectedReaderTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsPublishingsExampleAndRefusesAnUnknownChangeOrAMissingComment() throws Exception {
        ObjectNode example = (ObjectNode) JSON.readTree(Files.readString(CommentIntakeTest.PUBLISHING_EXAMPLE));
        CommentCollectedReader event = JSON.treeToValue(example, CommentCollectedReader.class);
        assertNull(event.defect());
        assertEquals("youtube", event.data().network());
        assertEquals("dQw4w9WgXcQ", event.data().videoId());
        assertEquals("@marie-d", event.data().author().name());

        ((ObjectNode) example.get("data")).put("change", "deleted");
        assertEquals("missing or unknown data.change, channelId, brandId, network, commentId, text, publishedAt or updatedAt",
                JSON.treeToValue(example, CommentCollectedReader.class).defect());
        ((ObjectNode) example.get("data")).put("change", "new").remove("commentId");
        assertNotEquals(null, JSON.treeToValue(example, CommentCollectedReader.class).defect());
    }

    @Test
    void anItemIdBelongsToItsAgencyChannelAndComment() {
        var channel = java.util.UUID.randomUUID();
        assertEquals(CommentCollectedReader.itemId("soleil", channel, "youtube", "Ugz1"),
                CommentCollectedReader.itemId("soleil", channel, "youtube", "Ugz1"));
        assertNotEquals(CommentCollectedReader.itemId("soleil", channel, "youtube", "Ugz1"),
                CommentCollectedReader.itemId("nord", channel, "youtube", "Ugz1"));
    }
}
