package io.tribu.moderation.link;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link contract: moderation's request example against its schema, moderation's reader of publishing's answer. */
class LinkEventsTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Publishing owns the answer's schema and example; this reader follows them once they are in the repository. */
    static final Path PUBLISHING_EXAMPLE = Path.of("..", "publishing-service", "src", "main", "resources", "events",
            "link-resolved.v1.example.json");

    @Test
    void theRequestExampleFollowsItsSchema() throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/events/link-requested.v1.schema.json");
             InputStream example = getClass().getResourceAsStream("/events/link-requested.v1.example.json")) {
            JsonNode event = JSON.readTree(example);
            var violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(event);
            assertTrue(violations.isEmpty(), () -> "example off its schema: " + violations);
            LinkRequested data = JSON.treeToValue(event.get("data"), LinkRequested.class);
            assertEquals(LinkRequested.TYPE, event.get("type").asText());
            assertEquals("instagram", data.network());
        }
    }

    @Test
    void theReaderTakesALinkOrAFailureAndRefusesNeither() throws Exception {
        ObjectNode answer = (ObjectNode) JSON.readTree("""
                {"specversion": "1.0", "id": "%s", "source": "/tribu/publishing", "type": "tribu.publishing.link.resolved.v1",
                 "subject": "cafe-lumiere", "time": "2026-11-22T09:14:05Z", "tenant": "soleil",
                 "data": {"requestId": "%s", "itemId": "%s", "brandId": "cafe-lumiere", "network": "instagram",
                          "mediaId": "17895695668004550", "commentId": "17865799348089039",
                          "url": "https://www.instagram.com/p/DAbCdEf/c/17865799348089039/",
                          "mediaUrl": "https://www.instagram.com/p/DAbCdEf/", "failure": null,
                          "resolvedAt": "2026-11-22T09:14:05Z"}}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        LinkResolvedReader found = JSON.treeToValue(answer, LinkResolvedReader.class);
        assertNull(found.defect());
        assertEquals("https://www.instagram.com/p/DAbCdEf/c/17865799348089039/", found.data().url());

        ObjectNode data = (ObjectNode) answer.get("data");
        data.putNull("url").putObject("failure").put("reason", "the comment no longer exists");
        LinkResolvedReader failed = JSON.treeToValue(answer, LinkResolvedReader.class);
        assertNull(failed.defect());
        assertEquals("the comment no longer exists", failed.data().failure().reason());

        data.putNull("failure");
        assertNotNull(JSON.treeToValue(answer, LinkResolvedReader.class).defect(), "neither a link nor a failure");
        data.put("url", "javascript:alert(1)");
        assertNotNull(JSON.treeToValue(answer, LinkResolvedReader.class).defect(), "a link that is not http(s)");
        data.put("url", "https://www.instagram.com/p/x/").remove("itemId");
        assertNotNull(JSON.treeToValue(answer, LinkResolvedReader.class).defect(), "no item");
    }

    @Test
    void theReaderReadsPublishingsExample() throws Exception {
        assumeTrue(Files.exists(PUBLISHING_EXAMPLE), "publishing's link-resolved example is not in this checkout yet");
        LinkResolvedReader event = JSON.readValue(PUBLISHING_EXAMPLE.toFile(), LinkResolvedReader.class);
        assertNull(event.defect(), () -> "publishing's example is unreadable here: " + event.defect());
        assertEquals(LinkResolvedReader.TYPE, event.type());
    }
}
