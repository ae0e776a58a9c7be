package io.tribu.analytics.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Contract test: analytics' reader understands publishing's example review event, and refuses six stars. */
class ReviewCollectedReaderTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheReviewCollectedExample() throws Exception {
        ObjectNode example = (ObjectNode) json.readTree(Files.readString(ReviewEvents.PUBLISHING_EXAMPLE));
        ReviewCollectedReader event = json.treeToValue(example, ReviewCollectedReader.class);
        assertNull(event.defect());
        assertEquals(2, event.data().rating());
        assertEquals("accounts/108214523309174/locations/4471029385716203", event.data().locationId());
        assertEquals(Instant.parse("2026-12-07T07:31:18.511Z"), event.data().publishedAt());
        ((ObjectNode) example.get("data")).put("rating", 6);
        assertNotEquals(null, json.treeToValue(example, ReviewCollectedReader.class).defect());
        ((ObjectNode) example.get("data")).putNull("rating");
        assertNull(json.treeToValue(example, ReviewCollectedReader.class).defect(), "a review without stars is readable");
    }
}
