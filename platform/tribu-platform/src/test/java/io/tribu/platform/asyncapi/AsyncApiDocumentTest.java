package io.tribu.platform.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncApiDocumentTest {

    final ObjectMapper json = new ObjectMapper();

    static final String RECORDED = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "tribu.x.thing.recorded.v1",
             "description": "A thing was recorded. CloudEvents 1.0 structured JSON; Kafka topic tribu.x.things, key = brand id.",
             "type": "object", "properties": {"id": {"type": "string"}}}""";
    static final String REMOVED = """
            {"title": "tribu.x.thing.removed.v1", "description": "Removed; Kafka topic tribu.x.things.", "type": "object"}""";
    static final String ALERT = """
            {"title": "tribu.x.alert.raised.v1", "description": "Kafka topic tribu.x.alerts, key = brand id", "type": "object"}""";

    static Function<String, Optional<InputStream>> files(Map<String, String> files) {
        return name -> Optional.ofNullable(files.get(name))
                .map(text -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eventsOfOneTopicShareItsChannelAndEachPayloadIsItsSchema() throws Exception {
        JsonNode document = AsyncApiDocument.build(json, "x-service", "1.2.3", "kafka-0:9092,kafka-1:9092",
                List.of("thing-recorded.v1", "thing-removed.v1", "alert-raised.v1"), files(Map.of(
                        "events/thing-recorded.v1.schema.json", RECORDED,
                        "events/thing-recorded.v1.example.json", "{\"id\": \"1\"}",
                        "events/thing-removed.v1.schema.json", REMOVED,
                        "events/alert-raised.v1.schema.json", ALERT)));
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals("kafka-0:9092", document.at("/servers/kafka/host").asText());
        assertEquals(2, document.path("channels").size());
        assertEquals("tribu.x.things", document.at("/channels/things/address").asText());
        assertEquals(2, document.at("/channels/things/messages").size());
        assertEquals("#/channels/things/messages/thingRemovedV1",
                document.at("/operations/sendThings/messages/1/$ref").asText());
        assertEquals("send", document.at("/operations/sendAlerts/action").asText());
        assertEquals(json.readTree(RECORDED), document.at("/components/messages/thingRecordedV1/payload/schema"));
        assertEquals("tribu.x.thing.recorded.v1", document.at("/components/messages/thingRecordedV1/name").asText());
        assertEquals("A thing was recorded.", document.at("/components/messages/thingRecordedV1/summary").asText());
        assertEquals("1", document.at("/components/messages/thingRecordedV1/examples/0/payload/id").asText());
        assertTrue(document.at("/components/messages/thingRemovedV1/examples").isMissingNode());
        assertFalse(document.at("/info/license/name").asText().isEmpty());
    }

    @Test
    void aMissingSchemaOrOneNamingNoTopicStopsTheBuild() {
        assertThrows(IllegalStateException.class, () -> AsyncApiDocument.build(json, "x", "1", "k:9092",
                List.of("nothing.v1"), files(Map.of())));
        assertThrows(IllegalStateException.class, () -> AsyncApiDocument.build(json, "x", "1", "k:9092",
                List.of("vague.v1"), files(Map.of("events/vague.v1.schema.json",
                        "{\"title\": \"tribu.x.vague.v1\", \"description\": \"Somewhere.\"}"))));
    }
}
