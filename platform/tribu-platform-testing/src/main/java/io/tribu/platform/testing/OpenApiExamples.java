package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 26: every JSON request body and every JSON success answer of a service's OpenAPI document has an example, and
 * each example is valid against its schema (JSON Schema 2020-12, as OpenAPI 3.1 writes schemas; references resolved in
 * the document's components). Other media (CSV, iCalendar, HTML) have no JSON schema to hold an example to; problem
 * answers keep the shared examples of the platform's problem catalogue. Used by each service's {@code OpenApiTest}.
 */
public final class OpenApiExamples {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private OpenApiExamples() {
    }

    /** What is missing or wrong, one line per example (empty when every example is there and valid). */
    public static List<String> defects(JsonNode document) {
        List<String> defects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                String operation = method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                check(document, operation + " request body", method.getValue().path("requestBody").path("content"), defects);
                for (Iterator<Map.Entry<String, JsonNode>> responses = method.getValue().path("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("2")) {
                        check(document, operation + " " + response.getKey(), response.getValue().path("content"), defects);
                    }
                }
            }
        }
        return defects;
    }

    private static void check(JsonNode document, String where, JsonNode content, List<String> defects) {
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            JsonNode media = type.getValue();
            if (!type.getKey().equals("application/json") && !type.getKey().endsWith("+json")) {
                continue;
            }
            List<JsonNode> examples = new ArrayList<>();
            if (media.has("example")) {
                examples.add(media.get("example"));
            }
            media.path("examples").elements().forEachRemaining(example -> examples.add(example.path("value")));
            if (examples.isEmpty()) {
                defects.add(where + " " + type.getKey() + ": no example");
                continue;
            }
            if (!media.has("schema")) {
                continue;
            }
            ObjectNode schema = media.get("schema").deepCopy();
            // References point into the document's components: the schema carries them, so they resolve from its root.
            schema.set("components", document.path("components"));
            for (JsonNode example : examples) {
                Set<ValidationMessage> violations = SCHEMAS.getSchema(schema).validate(example);
                if (!violations.isEmpty()) {
                    defects.add(where + " " + type.getKey() + ": the example " + abbreviated(example) + " is not valid: " + violations);
                }
            }
        }
    }

    private static String abbreviated(JsonNode example) {
        String text = example.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
