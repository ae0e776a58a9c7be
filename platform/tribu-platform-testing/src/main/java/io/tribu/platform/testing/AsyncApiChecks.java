package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI document a service serves, checked against the event schemas in its source tree: every schema there is
 * one message whose payload is that schema unchanged, on the channel of the topic its description names. The
 * document as served is written to {@code target/asyncapi/asyncapi.json}, where {@code ./tribu test} lints it.
 */
public final class AsyncApiChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiChecks() {
    }

    public static void documentsEveryEventSchema() {
        String served = given().when().get("/q/asyncapi").then().statusCode(200).contentType("application/json")
                .extract().asString();
        try {
            JsonNode document = JSON.readTree(served);
            assertEquals("3.0.0", document.path("asyncapi").asText());
            List<Path> schemas = schemas(Path.of("src/main/resources/events"));
            assertFalse(schemas.isEmpty(), "no event schema in src/main/resources/events");
            JsonNode messages = document.path("components").path("messages");
            assertEquals(schemas.size(), messages.size(), "one message per schema: " + messages.fieldNames());
            for (Path file : schemas) {
                JsonNode schema = JSON.readTree(file.toFile());
                String type = schema.path("title").asText();
                JsonNode message = find(messages, type);
                assertTrue(message != null, type + " has no message in the AsyncAPI document");
                assertEquals(schema, message.path("payload").path("schema"), type + ": the payload is not the schema");
                assertTrue(channelOf(document, type).map(address -> schema.path("description").asText()
                        .contains("Kafka topic " + address)).orElse(false), type + ": not on the topic its schema names");
            }
            Path out = Path.of("target/asyncapi/asyncapi.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, served);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> schemas(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList());
        }
    }

    private static JsonNode find(JsonNode messages, String type) {
        for (JsonNode message : messages) {
            if (message.path("name").asText().equals(type)) {
                return message;
            }
        }
        return null;
    }

    /** The address of the channel that lists the message named {@code type}. */
    private static java.util.Optional<String> channelOf(JsonNode document, String type) {
        JsonNode messages = document.path("components").path("messages");
        for (var channels = document.path("channels").fields(); channels.hasNext(); ) {
            var channel = channels.next().getValue();
            for (JsonNode ref : channel.path("messages")) {
                String id = ref.path("$ref").asText().substring("#/components/messages/".length());
                if (messages.path(id).path("name").asText().equals(type)) {
                    return java.util.Optional.of(channel.path("address").asText());
                }
            }
        }
        return java.util.Optional.empty();
    }
}
