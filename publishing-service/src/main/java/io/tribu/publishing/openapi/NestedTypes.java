package io.tribu.publishing.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies stay named schemas ({@code PostRequest}...), but the types nested in them are written in place:
 * {@code startDate} reads {@code {"type": "string", "format": "date", ...}} rather than a {@code $ref} to
 * {@code LocalDate} next to {@code "type": "string"}, and {@code variants} lists its items' properties. A reader
 * sees each field's type and format where it is used, and so does a tool that does not follow nested references
 * (the platform's BadInputProbe builds its plausible bodies from them).
 */
final class NestedTypes {

    private static final int DEEPEST = 8;

    private NestedTypes() {
    }

    static void inlineInRequestBodies(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> bodies = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                    continue;
                }
                for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
                    String ref = media.getSchema() == null ? null : media.getSchema().getRef();
                    if (ref != null) {
                        bodies.add(name(ref));
                    }
                }
            }
        }
        for (String body : bodies) {
            Schema schema = components.get(body);
            if (schema != null) {
                inlineMembers(schema, components, 0);
            }
        }
    }

    private static void inlineMembers(Schema schema, Map<String, Schema> components, int depth) {
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> properties.put(name, inlined(property, components, depth + 1)));
            schema.setProperties(properties);
        }
        if (schema.getItems() != null) {
            schema.setItems(inlined(schema.getItems(), components, depth + 1));
        }
    }

    /** The schema with its reference replaced by a copy of the target, its own keywords (description, examples) kept. */
    private static Schema inlined(Schema schema, Map<String, Schema> components, int depth) {
        if (schema == null || depth > DEEPEST) {
            return schema;
        }
        Schema result = schema;
        if (schema.getRef() != null) {
            Schema target = components.get(name(schema.getRef()));
            if (target == null) {
                return schema;
            }
            Map<String, Object> merged = new LinkedHashMap<>(target.getAll());
            schema.getAll().forEach((keyword, value) -> {
                if (value != null && !keyword.equals("$ref")) {
                    merged.put(keyword, value);
                }
            });
            result = OASFactory.createSchema();
            result.setAll(merged);
            result.setRef(null);
        }
        inlineMembers(result, components, depth);
        return result;
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
