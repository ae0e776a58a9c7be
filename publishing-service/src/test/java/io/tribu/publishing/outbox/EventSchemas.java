package io.tribu.publishing.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Checks events against the JSON Schemas this service publishes in src/main/resources/events. */
public final class EventSchemas {

    private EventSchemas() {
    }

    public static Set<ValidationMessage> violations(String event, JsonNode instance) {
        try (InputStream schema = EventSchemas.class.getResourceAsStream("/events/" + event + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(instance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
