package io.tribu.publishing.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.publishing.outbox.EventSchemas;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The review event's example against its schema, which refuses an unknown change, six stars or a review without id. */
class ReviewEventExampleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExampleFollowsTheSchemaAndTheSchemaRefusesAnUnknownChangeARatingOutOfRangeOrAMissingId() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/review-collected.v1.example.json")) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            assertEquals(Set.of(), EventSchemas.violations("review-collected.v1", example));
            ObjectNode data = (ObjectNode) example.get("data");
            data.put("change", "deleted");
            assertFalse(EventSchemas.violations("review-collected.v1", example).isEmpty());
            data.put("change", "updated").put("rating", 6);
            assertFalse(EventSchemas.violations("review-collected.v1", example).isEmpty());
            data.putNull("rating");
            data.putObject("reply").put("text", "Merci Marie, nous revoyons nos horaires.").put("updatedAt", "2026-12-07T08:02:00Z");
            assertEquals(Set.of(), EventSchemas.violations("review-collected.v1", example));
            data.remove("reviewId");
            assertFalse(EventSchemas.violations("review-collected.v1", example).isEmpty());
        }
    }
}
