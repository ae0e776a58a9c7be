package io.tribu.moderation.review;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Moderation's reader of publishing's review event, against publishing's own example. */
class ReviewCollectedReaderTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsPublishingsExampleAndRefusesAnUnknownChangeSixStarsOrAMissingReview() throws Exception {
        ObjectNode example = (ObjectNode) JSON.readTree(Files.readString(ReviewIntakeTest.PUBLISHING_EXAMPLE));
        ReviewCollectedReader event = JSON.treeToValue(example, ReviewCollectedReader.class);
        assertNull(event.defect());
        assertEquals("google_business", event.data().network());
        assertEquals(2, event.data().rating());
        assertEquals("Marie D.", event.data().author().name());
        assertEquals("accounts/108214523309174/locations/4471029385716203", event.data().locationId());

        ObjectNode data = (ObjectNode) example.get("data");
        data.put("change", "deleted");
        assertNotEquals(null, JSON.treeToValue(example, ReviewCollectedReader.class).defect());
        data.put("change", "updated").put("rating", 6);
        assertEquals("data.rating must be from 1 to 5, not 6", JSON.treeToValue(example, ReviewCollectedReader.class).defect());
        data.putNull("rating").remove("reviewId");
        assertNotEquals(null, JSON.treeToValue(example, ReviewCollectedReader.class).defect());
    }

    @Test
    void anItemIdBelongsToItsAgencyChannelAndReview() {
        UUID channel = UUID.randomUUID();
        assertEquals(ReviewCollectedReader.itemId("soleil", channel, "google_business", "R1"),
                ReviewCollectedReader.itemId("soleil", channel, "google_business", "R1"));
        assertNotEquals(ReviewCollectedReader.itemId("soleil", channel, "google_business", "R1"),
                ReviewCollectedReader.itemId("nord", channel, "google_business", "R1"));
    }
}
