package io.tribu.listening.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * The error answers every operation can give, written once: RFC 9457 {@code application/problem+json} bodies
 * (schema {@code Problem}) for 400 (with {@code violations}), 401, 403, 404, 409 and 422 (Idempotency-Key),
 * 413 and 503 (with {@code Retry-After}), each where it can happen. Success statuses are declared on the
 * resource methods; the 400 Quarkus adds without a body is replaced.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("The body field (a JSON path), parameter or header at fault; empty for the whole body"))
                .addProperty("in", text("body, query, path or header"))
                .addProperty("message", text("What is wrong with it"))
                .required(List.of("field", "in", "message")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text("A URI naming the kind of problem (see the README), or about:blank"))
                .addProperty("title", text("Short summary of the status"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("What happened, for a person"))
                .addProperty("instance", text("The request path"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("Violation")))
                .additionalPropertiesBoolean(true)
                .required(List.of("type", "title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), entry.getKey(), path.getValue(), entry.getValue());
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean idempotent = parameters(item, operation).stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        boolean parameters = parameters(item, operation).stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (body || parameters || idempotent) {
            responses.addAPIResponse("400", problem(body
                    ? "The body or a parameter is not valid: violations name each field and say why"
                    : "A parameter is not valid: violations name it and say why"));
        }
        responses.addAPIResponse("401", problem(secured
                ? "No bearer token, or an invalid, expired or other-audience one (WWW-Authenticate: Bearer)"
                : "Missing, wrong or stale signature (https://tribu.io/problems/bad-signature)"));
        if (secured) {
            responses.addAPIResponse("403", problem("The token's roles do not allow this operation"));
        }
        if (path.contains("{")) {
            responses.addAPIResponse("404", problem(path.startsWith("/brands/")
                    ? "The brand is not in the token, or the resource is missing or another tenant's (https://tribu.io/problems/not-found)"
                    : "No such resource (https://tribu.io/problems/not-found)"));
        }
        if (idempotent) {
            responses.addAPIResponse("409", problem("A request with this Idempotency-Key is still being processed; retry in a moment"));
            responses.addAPIResponse("422", problem("This Idempotency-Key was used with another body (https://tribu.io/problems/idempotency-key-reused)"));
        }
        if (body) {
            responses.addAPIResponse("413", problem("The body is larger than the service accepts (2 MB)"));
        }
        APIResponse unavailable = problem("The database cannot be reached; nothing was changed: retry after Retry-After seconds");
        unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        responses.addAPIResponse("503", unavailable);
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        java.util.ArrayList<Parameter> all = new java.util.ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
