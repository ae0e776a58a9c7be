package io.tribu.platform.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole example for every JSON request body and success answer that declares none, composed from the examples its
 * schema's properties carry ({@code @Schema(examples = ...)}), else their enumeration's first value or default, else the
 * example of a scalar property of the same name, type, format and pattern elsewhere in the document (an answer's {@code name}
 * as its request's),
 * else a value of their format (an instant, a UUID, a date...). Integrators and their tools (mock servers, API consoles) see a
 * complete body; an example a resource declares is kept. Each service's {@code OpenApiTest} validates every example
 * against its schema (platform-testing's {@code OpenApiExamples}), so a property whose composed value breaks its own
 * pattern or bounds needs an example of its own.
 */
final class ComposedExamples {

    /** Deeper than any of the services' bodies; a schema that refers to itself stops there. */
    private static final int MAX_DEPTH = 8;

    private final Map<String, Schema> components;
    /** The first example a property of each name has anywhere in the components, for a same-named one without. */
    private final Map<String, Object> byName = new java.util.HashMap<>();

    private ComposedExamples(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
        for (Schema schema : this.components.values()) {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    if (scalar(property) && property.getExamples() != null && !property.getExamples().isEmpty()) {
                        byName.putIfAbsent(kind(name, property), property.getExamples().get(0));
                    }
                });
            }
        }
    }

    static void compose(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ComposedExamples composer = new ComposedExamples(openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas());
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    composer.fill(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                        if (response.getKey().startsWith("2") && response.getValue().getRef() == null) {
                            composer.fill(response.getValue().getContent());
                        }
                    }
                }
            }
        }
    }

    private void fill(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
            MediaType type = media.getValue();
            boolean declared = type.getExample() != null || (type.getExamples() != null && !type.getExamples().isEmpty());
            if (!declared && isJson(media.getKey()) && type.getSchema() != null) {
                type.setExample(example(type.getSchema(), 0, new HashSet<>()));
            }
        }
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** The schema's example value: a Map, List, String, Number, Boolean or null. */
    Object example(Schema schema, int depth, Set<String> visiting) {
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            Schema target = components.get(name);
            if (target == null || depth > MAX_DEPTH || !visiting.add(name)) {
                return null;
            }
            try {
                return example(target, depth + 1, visiting);
            } finally {
                visiting.remove(name);
            }
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getEnumeration() != null) {
            for (Object value : schema.getEnumeration()) {
                if (value != null) {
                    return value;
                }
            }
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        for (List<Schema> choices : java.util.Arrays.asList(schema.getOneOf(), schema.getAnyOf())) {
            if (choices != null && !choices.isEmpty()) {
                return example(choices.get(0), depth + 1, visiting);
            }
        }
        if (schema.getAllOf() != null) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema part : schema.getAllOf()) {
                if (example(part, depth + 1, visiting) instanceof Map<?, ?> object) {
                    object.forEach((key, value) -> merged.put(String.valueOf(key), value));
                }
            }
            return merged;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getProperties() != null || types.contains(Schema.SchemaType.OBJECT)) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null && depth <= MAX_DEPTH) {
                schema.getProperties().forEach((name, property) -> object.put(name, property(name, property, depth + 1, visiting)));
            }
            return object;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            List<Object> items = new ArrayList<>();
            boolean empty = schema.getMaxItems() != null && schema.getMaxItems() == 0;
            if (schema.getItems() != null && !empty && depth <= MAX_DEPTH) {
                items.add(example(schema.getItems(), depth + 1, visiting));
            }
            return items;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return text(schema.getFormat());
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            BigDecimal minimum = schema.getMinimum();
            return minimum == null ? 1 : minimum.signum() == 0 && types.contains(Schema.SchemaType.NUMBER) ? 0.5 : minimum;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return true;
        }
        // Any JSON at all, or only null.
        return types.contains(Schema.SchemaType.NULL) ? null : Map.of();
    }

    /** A property's example: its own, else that of a same-named property of the same type elsewhere (a view's name as its request's). */
    private Object property(String name, Schema property, int depth, Set<String> visiting) {
        boolean own = property.getRef() != null || (property.getExamples() != null && !property.getExamples().isEmpty())
                || property.getEnumeration() != null || property.getDefaultValue() != null;
        Object borrowed = own || !scalar(property) ? null : byName.get(kind(name, property));
        return borrowed != null ? borrowed : example(property, depth, visiting);
    }

    /** Only texts, numbers and booleans are borrowed: a calendar's days are not a series' weekdays. */
    private static boolean scalar(Schema property) {
        return property.getRef() == null && property.getType() != null
                && property.getType().stream().noneMatch(type -> type == Schema.SchemaType.ARRAY || type == Schema.SchemaType.OBJECT);
    }

    /** Same name, type, format and pattern: an id that is a UUID never borrows a webhook's free-form id. */
    private static String kind(String name, Schema property) {
        return name + " " + property.getType() + " " + property.getFormat() + " " + property.getPattern();
    }

    private static String text(String format) {
        if (format == null) {
            return "text";
        }
        return switch (format) {
            case "date-time" -> "2026-11-20T10:00:00Z";
            case "date" -> "2026-11-20";
            case "time", "local-time" -> "09:30:00";
            case "uuid" -> "0193a0b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";
            case "uri", "url" -> "https://example.com/";
            case "email" -> "camille@example.com";
            case "duration" -> "PT1H";
            default -> "text";
        };
    }
}
