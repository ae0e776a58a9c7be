package io.tribu.publishing.comment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.publishing.outbox.EventSchemas;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The comment event's example against its schema, which refuses an unknown change or a comment without id. */
class CommentEventExampleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExampleFollowsTheSchemaAndTheSchemaRefusesAnUnknownChangeOrAMissingId() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/comment-collected.v1.example.json")) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            assertEquals(Set.of(), EventSchemas.violations("comment-collected.v1", example));
            ObjectNode data = (ObjectNode) example.get("data");
            data.put("change", "deleted");
            assertFalse(EventSchemas.violations("comment-collected.v1", example).isEmpty());
            data.put("change", "edited").put("parentId", "UgzX4bQ7n2Rk9sVpT1d4AaABAg");
            assertEquals(Set.of(), EventSchemas.violations("comment-collected.v1", example));
            data.remove("commentId");
            assertFalse(EventSchemas.violations("comment-collected.v1", example).isEmpty());
        }
    }
}
