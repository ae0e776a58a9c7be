package io.tribu.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document shares, applied after the services' annotation-driven filters:
 * <ul>
 * <li>operation ids that read as verbs and stay stable: Quarkus names each {@code Class_method} (the platform's
 * {@code operation-id-strategy=CLASS_METHOD}); a method whose name already says what it acts on
 * ({@code revokeFeedToken}) keeps it, a one-word one takes its resource's noun ({@code CampaignResource.list} →
 * {@code listCampaigns}, {@code .get} → {@code getCampaign}), so an id never changes because another class got a
 * method of the same name;</li>
 * <li>component schemas that no operation reaches are dropped (libraries register some, e.g. the problem
 * extension's {@code HttpProblem}, that nothing answers), so linters and client generators see only what the API
 * uses;</li>
 * <li>a reference is the whole type: the scalar components SmallRye names after Java types ({@code Instant},
 * {@code UUID}, {@code LocalDate}...) are written where they are used, since a generated Java client cannot have a model
 * of those names (OpenAPI Generator renames them, or its code does not compile), and a {@code type} beside a
 * {@code $ref} goes (generators drop it with a warning);</li>
 * <li>every JSON request body and success answer has a whole example, composed from its properties' own
 * ({@link ComposedExamples}) where the resource declares none.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class OpenApiConventions implements OASFilter {

    static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                    if (operation.getValue().getOperationId() != null) {
                        operation.getValue().setOperationId(operationId(operation.getValue().getOperationId(),
                                operation.getKey() == PathItem.HttpMethod.GET));
                    }
                }
            }
        }
        dropUnusedSchemas(openAPI);
        ComposedExamples.compose(openAPI);
    }

    /** One-word method names that say what is done; other one-word names say what a GET reads. */
    static final Set<String> VERBS = Set.of("list", "get", "search", "add", "remove", "create", "delete", "put", "edit",
            "update", "connect", "disconnect", "deliver", "verify", "render", "save", "decide", "rename", "transition",
            "comment", "issue", "revoke", "rotate", "record", "replace", "set", "approve", "import", "export", "skip");

    /**
     * {@code CampaignResource_list} → {@code listCampaigns}; {@code CalendarResource_revokeFeedToken} →
     * {@code revokeFeedToken}; a GET named by what it reads: {@code CrisisResource_crisis} → {@code getCrisis},
     * {@code EngagementResource_series} → {@code getEngagementSeries}.
     */
    static String operationId(String classAndMethod, boolean read) {
        int separator = classAndMethod.lastIndexOf('_');
        if (separator < 0) {
            return classAndMethod;
        }
        String method = classAndMethod.substring(separator + 1);
        if (!method.equals(method.toLowerCase(java.util.Locale.ROOT))) {
            return method;
        }
        String noun = classAndMethod.substring(0, separator).replaceFirst("(Resource|Resources|Endpoint|Api)$", "");
        if (noun.isEmpty()) {
            return method;
        }
        if (read && !VERBS.contains(method)) {
            String lowerNoun = noun.toLowerCase(java.util.Locale.ROOT);
            if (lowerNoun.contains(method)) {
                return "get" + noun;
            }
            String capitalised = Character.toUpperCase(method.charAt(0)) + method.substring(1);
            return method.contains(lowerNoun) ? "get" + capitalised : "get" + noun + capitalised;
        }
        return method + (method.equals("list") || method.equals("search") ? plural(noun) : noun);
    }

    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    private static void dropUnusedSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Deque<Schema> pending = new ArrayDeque<>();
        // Shared responses, parameters, bodies and headers are there to be referenced: what they reach is used.
        if (openAPI.getComponents().getResponses() != null) {
            for (APIResponse response : openAPI.getComponents().getResponses().values()) {
                content(response.getContent(), pending);
            }
        }
        if (openAPI.getComponents().getParameters() != null) {
            parameters(List.copyOf(openAPI.getComponents().getParameters().values()), pending);
        }
        if (openAPI.getComponents().getRequestBodies() != null) {
            openAPI.getComponents().getRequestBodies().values().forEach(body -> content(body.getContent(), pending));
        }
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(header -> add(header.getSchema(), pending));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                parameters(item.getParameters(), pending);
                for (Operation operation : item.getOperations().values()) {
                    parameters(operation.getParameters(), pending);
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent(), pending);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                            content(response.getContent(), pending);
                            if (response.getHeaders() != null) {
                                for (Header header : response.getHeaders().values()) {
                                    add(header.getSchema(), pending);
                                }
                            }
                        }
                    }
                }
            }
        }
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            inlineScalarReference(schema, components);
            if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
                if (!nullable(schema)) {
                    schema.setType(null);
                }
                String name = schema.getRef().substring(PREFIX.length());
                if (used.add(name) && components.get(name) != null) {
                    pending.push(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(s -> add(s, pending));
            }
            add(schema.getItems(), pending);
            add(schema.getAdditionalPropertiesSchema(), pending);
            add(schema.getNot(), pending);
            all(schema.getAllOf(), pending);
            all(schema.getAnyOf(), pending);
            all(schema.getOneOf(), pending);
        }
        for (String name : Set.copyOf(components.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    /** A reference to a string, number or boolean component becomes that component's schema, the property's own words kept. */
    private static void inlineScalarReference(Schema schema, Map<String, Schema> components) {
        Schema target = schema.getRef() == null || !schema.getRef().startsWith(PREFIX) ? null
                : components.get(schema.getRef().substring(PREFIX.length()));
        if (target == null || target.getType() == null || target.getProperties() != null
                || target.getType().stream().anyMatch(type -> type == Schema.SchemaType.OBJECT || type == Schema.SchemaType.ARRAY)) {
            return;
        }
        boolean nullable = nullable(schema);
        schema.setRef(null);
        List<Schema.SchemaType> types = new ArrayList<>(target.getType());
        if (nullable && !types.contains(Schema.SchemaType.NULL)) {
            types.add(Schema.SchemaType.NULL);
        }
        schema.setType(types);
        schema.setFormat(schema.getFormat() == null ? target.getFormat() : schema.getFormat());
        schema.setPattern(schema.getPattern() == null ? target.getPattern() : schema.getPattern());
        schema.setEnumeration(schema.getEnumeration() == null ? target.getEnumeration() : schema.getEnumeration());
        schema.setExamples(schema.getExamples() == null ? target.getExamples() : schema.getExamples());
        schema.setDescription(schema.getDescription() == null ? target.getDescription() : schema.getDescription());
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
    }

    private static void parameters(List<Parameter> parameters, Deque<Schema> pending) {
        if (parameters != null) {
            for (Parameter parameter : parameters) {
                add(parameter.getSchema(), pending);
                content(parameter.getContent(), pending);
            }
        }
    }

    private static void content(Content content, Deque<Schema> pending) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                add(type.getSchema(), pending);
            }
        }
    }

    private static void all(List<Schema> schemas, Deque<Schema> pending) {
        if (schemas != null) {
            schemas.forEach(s -> add(s, pending));
        }
    }

    private static void add(Schema schema, Deque<Schema> pending) {
        if (schema != null) {
            pending.push(schema);
        }
    }
}
