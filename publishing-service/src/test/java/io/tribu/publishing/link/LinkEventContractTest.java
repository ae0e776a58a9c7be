package io.tribu.publishing.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.publishing.outbox.EventSchemas;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Publishing's answer example against its schema; moderation's request example, once it exists, with publishing's reader. */
class LinkEventContractTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final Path MODERATION_EXAMPLE = Path.of("../moderation-service/src/main/resources/events/link-requested.v1.example.json");

    @Test
    void resolvedExampleFollowsTheSchemaAndTheSchemaRefusesAnAnswerWithNeitherUrlNorFailure() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/link-resolved.v1.example.json")) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            assertEquals(Set.of(), EventSchemas.violations("link-resolved.v1", example));
            ((ObjectNode) example.get("data")).putNull("url");
            assertFalse(EventSchemas.violations("link-resolved.v1", example).isEmpty());
            ((ObjectNode) example.get("data")).putNull("mediaUrl").putObject("failure").put("reason", "no-channel");
            assertEquals(Set.of(), EventSchemas.violations("link-resolved.v1", example));
            ((ObjectNode) example.get("data").get("failure")).put("reason", "oops");
            assertFalse(EventSchemas.violations("link-resolved.v1", example).isEmpty());
        }
    }

    @Test
    void moderationsRequestExampleIsReadable() throws Exception {
        // Moderation owns the request's schema and example (built on its own branch); read it once it is there.
        Assumptions.assumeTrue(Files.exists(MODERATION_EXAMPLE), "moderation's link-requested example is not in this tree yet");
        LinkRequestedReader event = JSON.readValue(Files.readString(MODERATION_EXAMPLE), LinkRequestedReader.class);
        assertNull(event.defect());
        assertEquals("instagram", event.data().network());
    }

    @Test
    void incompleteRequestsAreRefusedWithTheReason() throws Exception {
        ObjectNode event = LinkTest.request("soleil", "cafe-lumiere", "17841400000000001", "17895695668004550", "17858893269000001");
        assertNull(JSON.treeToValue(event, LinkRequestedReader.class).defect());
        ((ObjectNode) event.get("data")).remove("commentId");
        assertEquals("missing data.requestId, itemId, brandId, network, accountId, mediaId or commentId",
                JSON.treeToValue(event, LinkRequestedReader.class).defect());
        event.put("type", "tribu.moderation.link.requested.v2");
        assertEquals("missing id or unexpected type tribu.moderation.link.requested.v2",
                JSON.treeToValue(event, LinkRequestedReader.class).defect());
    }
}
