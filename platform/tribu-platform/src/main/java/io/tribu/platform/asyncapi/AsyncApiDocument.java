package io.tribu.platform.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AsyncAPI 3.0 document of the events a service produces, generated from its own event schemas
 * ({@code events/<name>.schema.json} and {@code events/<name>.example.json} on the classpath, the producer-owned
 * contract): one channel per Kafka topic, one message per event type whose payload is the schema as it is, and one
 * send operation per channel. The topic is the one each schema's description names ("Kafka topic ..."), so the
 * document cannot name another than the contract does.
 */
public final class AsyncApiDocument {

    /** How every event schema states its topic; the first one named is where the event goes. */
    static final Pattern TOPIC = Pattern.compile("Kafka topic (tribu\\.[a-z0-9.-]*[a-z0-9])");

    private AsyncApiDocument() {
    }

    /**
     * @param service   the service's name (e.g. listening-service)
     * @param version   the service's version
     * @param bootstrap the Kafka bootstrap servers, the first of which is the document's server
     * @param events    the schema names, e.g. {@code mention-recorded.v1}
     * @param resources opens a classpath resource by name, empty when absent
     */
    public static ObjectNode build(ObjectMapper json, String service, String version, String bootstrap, List<String> events,
            Function<String, Optional<InputStream>> resources) {
        ObjectNode document = json.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Tribu " + service + " events");
        info.put("version", version);
        info.put("description", "The events " + service + " produces: CloudEvents 1.0 in structured JSON, Kafka key = "
                + "brand id, written through an outbox (at-least-once: consumers deduplicate on the event id). Each "
                + "payload is the producer's own JSON Schema.");
        info.putObject("contact").put("name", "Tribu").put("url", "https://tribu.io");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        document.put("defaultContentType", "application/cloudevents+json");
        ObjectNode server = document.putObject("servers").putObject("kafka");
        server.put("host", bootstrap.split(",")[0].trim());
        server.put("protocol", "kafka");
        server.put("description", "The Kafka cluster the service is configured with (TRIBU_KAFKA_BOOTSTRAP)");

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = document.putObject("components").putObject("messages");
        Map<String, String> channelOfTopic = new LinkedHashMap<>();
        for (String event : events) {
            JsonNode schema = read(json, resources, "events/" + event + ".schema.json")
                    .orElseThrow(() -> new IllegalStateException("No schema events/" + event + ".schema.json"));
            String type = schema.path("title").asText();
            String description = schema.path("description").asText();
            Matcher topic = TOPIC.matcher(description);
            if (type.isEmpty() || !topic.find()) {
                throw new IllegalStateException("events/" + event + ".schema.json needs a title (the event type) and "
                        + "a description naming its Kafka topic");
            }
            String address = topic.group(1);
            String channelId = channelOfTopic.computeIfAbsent(address, a -> a.substring(a.lastIndexOf('.') + 1));
            String messageId = camel(event);

            ObjectNode message = messages.putObject(messageId);
            message.put("name", type);
            message.put("title", type);
            message.put("summary", firstSentence(description));
            message.put("description", description);
            message.put("contentType", "application/cloudevents+json");
            ObjectNode payload = message.putObject("payload");
            payload.put("schemaFormat", "application/schema+json;version=draft-07");
            payload.set("schema", schema);
            ObjectNode key = message.putObject("bindings").putObject("kafka");
            key.putObject("key").put("type", "string").put("description", "The brand id (the event's subject)");
            key.put("bindingVersion", "0.5.0");
            read(json, resources, "events/" + event + ".example.json").ifPresent(example ->
                    message.putArray("examples").addObject().put("name", messageId).set("payload", example));

            ObjectNode channel = channels.has(channelId) ? (ObjectNode) channels.get(channelId) : newChannel(channels,
                    channelId, address, service);
            ((ObjectNode) channel.get("messages")).putObject(messageId)
                    .put("$ref", "#/components/messages/" + messageId);
            ObjectNode operation = operations.has("send" + capital(channelId))
                    ? (ObjectNode) operations.get("send" + capital(channelId))
                    : newOperation(operations, channelId, address, service);
            ((ArrayNode) operation.get("messages")).addObject()
                    .put("$ref", "#/channels/" + channelId + "/messages/" + messageId);
        }
        return document;
    }

    private static ObjectNode newChannel(ObjectNode channels, String id, String address, String service) {
        ObjectNode channel = channels.putObject(id);
        channel.put("address", address);
        channel.put("title", address);
        channel.put("description", "Kafka topic " + address + ", written by " + service + "; key = brand id, so one "
                + "brand's events stay in order");
        channel.putObject("messages");
        return channel;
    }

    private static ObjectNode newOperation(ObjectNode operations, String channelId, String address, String service) {
        ObjectNode operation = operations.putObject("send" + capital(channelId));
        operation.put("action", "send");
        operation.put("summary", service + " sends these events to " + address);
        operation.putObject("channel").put("$ref", "#/channels/" + channelId);
        operation.putArray("messages");
        return operation;
    }

    private static Optional<JsonNode> read(ObjectMapper json, Function<String, Optional<InputStream>> resources,
            String name) {
        return resources.apply(name).map(in -> {
            try (InputStream stream = in) {
                return json.readTree(stream);
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable " + name, e);
            }
        });
    }

    /** {@code mention-recorded.v1} → {@code mentionRecordedV1}. */
    static String camel(String name) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }

    private static String capital(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
