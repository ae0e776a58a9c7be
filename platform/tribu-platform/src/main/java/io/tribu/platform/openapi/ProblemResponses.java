package io.tribu.platform.openapi;

import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The error answers every operation can give, written once for every service (its {@code mp.openapi.filter}):
 * RFC 9457 {@code application/problem+json} bodies (schema {@code Problem}, with {@code violations}) for 400 where
 * there is a body or a parameter to refuse, 401 and 403 behind a bearer token, 401 on signed deliveries, 404 where the
 * path names something, 409 and 422 of an {@code Idempotency-Key}, 413 and 415 where there is a body, 406 and 503
 * everywhere (503 with {@code Retry-After}). Responses an operation declares keep their description and examples; every
 * 4xx and 5xx answers problem+json. A service's domain problems (409 wrong-status...) stay declared on its resource
 * methods.
 */
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER_SCHEME = "oidc";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One refused field: its JSON path or parameter name, where it is, and what is wrong")
                .addProperty("field", text("The body field (a JSON path such as variants[1].text), parameter or header at fault; "
                        + "empty for the whole body"))
                .addProperty("in", text("Where the field is").enumeration(List.of("body", "query", "path", "header")))
                .addProperty("message", text("What is wrong with it"))
                .required(List.of("field", "in", "message")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text("A URI naming the kind of problem (see the README); absent means about:blank"))
                .addProperty("title", text("Short summary of the status"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("What happened, for a person"))
                .addProperty("instance", text("The request path"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The refused fields, at most 100")
                        .items(OASFactory.createSchema().ref("Violation")))
                .addProperty("violationsOmitted", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("How many more violations there were beyond the 100 listed; absent when none"))
                .additionalPropertiesBoolean(true)
                .required(List.of("title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), path.getValue(), entry.getKey(), entry.getValue(), openAPI.getSecurity());
            }
        }
    }

    private static void document(String path, PathItem item, PathItem.HttpMethod method, Operation operation,
                                 List<SecurityRequirement> global) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<SecurityRequirement> security = operation.getSecurity() == null ? global : operation.getSecurity();
        List<Parameter> parameters = parameters(item, operation);
        boolean body = operation.getRequestBody() != null;
        boolean idempotent = parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (body || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            problem(responses, "400", body
                    ? "The body or a parameter is not valid: violations name each field and say why"
                    : "A parameter is not valid: violations name it and say why");
        }
        if (requires(security, true)) {
            problem(responses, "401", "No bearer token, or an invalid, expired or other-audience one (WWW-Authenticate: Bearer)");
            problem(responses, "403", "The token's roles do not allow this operation");
        } else if (requires(security, false) && method != PathItem.HttpMethod.GET) {
            problem(responses, "401", "The signature is missing, wrong or stale (" + Problems.BAD_SIGNATURE + "); nothing was stored");
        }
        if (path.contains("{")) {
            problem(responses, "404", path.startsWith("/brands/")
                    ? "The brand is not in the token, or the resource is missing or another agency's (" + Problems.NOT_FOUND + ")"
                    : "No such resource (" + Problems.NOT_FOUND + ")");
        }
        if (idempotent) {
            problem(responses, "409", "A request with this Idempotency-Key is still being processed; retry in a moment ("
                    + Idempotency.IN_PROGRESS + ")");
            problem(responses, "422", "This Idempotency-Key was used with another body (" + Idempotency.KEY_REUSED + ")");
        }
        if (body) {
            problem(responses, "413", "The body is larger than the service accepts");
            problem(responses, "415", "The body's Content-Type is not one this operation takes");
        }
        problem(responses, "406", "The Accept header names no media type this operation answers");
        retryAfter(problem(responses, "503", "The database cannot be reached; nothing was changed: retry after Retry-After seconds ("
                + Problems.UNAVAILABLE + ")"));
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().matches("[45]\\d\\d") && response.getValue().getRef() == null) {
                problem(responses, response.getKey(), null);
            }
        }
    }

    /**
     * The response for {@code code}: the declared one (description and examples kept; the description given where it
     * has none) or a new one, answering problem+json.
     */
    public static APIResponse problem(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(code, response);
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        MediaType declared = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM_JSON);
        MediaType media = declared == null ? OASFactory.createMediaType() : declared;
        media.setSchema(OASFactory.createSchema().ref("Problem"));
        response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON, media));
        return response;
    }

    /** Documents the {@code Retry-After} header of a 429 or 503. */
    public static void retryAfter(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        }
    }

    /** Whether a requirement names the bearer scheme ({@code bearer}), or another one such as a signature. */
    private static boolean requires(List<SecurityRequirement> security, boolean bearer) {
        return security != null && security.stream().filter(r -> r.getSchemes() != null)
                .flatMap(r -> r.getSchemes().keySet().stream())
                .anyMatch(scheme -> bearer == BEARER_SCHEME.equals(scheme));
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
