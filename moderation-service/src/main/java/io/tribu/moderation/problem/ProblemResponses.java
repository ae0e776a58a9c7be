package io.tribu.moderation.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;
import java.util.Map;

/**
 * Documents, on every operation of the OpenAPI document, the error answers the service really gives, each as
 * {@code application/problem+json} with the {@code Problem} schema: 400 where there are parameters or a body to
 * refuse, 401 and 403 on operations behind a bearer token (401 on signed webhook deliveries too), 404 where a path
 * names a brand or a row, 413 where there is a body, 503 everywhere (the database cannot be reached, Retry-After).
 * Operations document their success answer and their 409/422 themselves.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One refused field: its JSON path or parameter name, where it is, and what is wrong")
                .addProperty("field", text("rules[1].when.all[0].label.minScore"))
                .addProperty("in", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("body", "query", "path", "header")))
                .addProperty("message", text("must be a number from 0 to 1")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("about:blank, or a https://tribu.io/problems/... type"))
                .addProperty("title", text("Bad Request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text("rules[1].when.all[0].label.minScore: must be a number from 0 to 1"))
                .addProperty("instance", text("/brands/cafe-lumiere/charter"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("Violation"))));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), path.getValue(), entry.getKey(), entry.getValue(), openAPI);
            }
        }
    }

    private static void document(String path, PathItem item, PathItem.HttpMethod method, Operation operation, OpenAPI openAPI) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean bearer = requires(operation.getSecurity(), "oidc")
                || (operation.getSecurity() == null && requires(openAPI.getSecurity(), "oidc"));
        boolean signedDelivery = path.startsWith("/webhooks/") && method == PathItem.HttpMethod.POST;
        boolean body = operation.getRequestBody() != null;
        boolean parameters = !parameters(item, operation).stream().allMatch(p -> p.getIn() == Parameter.In.PATH);
        if (parameters || body) {
            add(responses, "400", "Refused input: violations[] names each field or parameter and says why");
        }
        if (bearer) {
            add(responses, "401", "No bearer token, or an invalid, expired or other-audience one (WWW-Authenticate: Bearer)");
            add(responses, "403", "The token's roles do not allow this operation");
        } else if (signedDelivery) {
            add(responses, "401", "bad-signature: the signature is missing, wrong or stale; nothing stored");
        }
        if (path.contains("{")) {
            add(responses, "404", "not-found: missing, or another brand's or agency's (the same answer for both)");
        }
        if (body) {
            add(responses, "413", "The body is larger than the service accepts");
        }
        add(responses, "503", "unavailable: the database cannot be reached; nothing was changed, try again (Retry-After)");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (responses.getAPIResponse(status).getDescription() == null
                || responses.getAPIResponse(status).getDescription().isBlank()) {
            responses.getAPIResponse(status).setDescription(description);
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static Schema text(String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of(example));
    }

    private static boolean requires(List<SecurityRequirement> requirements, String scheme) {
        return requirements != null && requirements.stream()
                .anyMatch(r -> r.getSchemes() != null && r.getSchemes().containsKey(scheme));
    }
}
