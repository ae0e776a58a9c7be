package io.tribu.publishing.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The error answers of every operation, written once: RFC 9457 {@code application/problem+json} bodies
 * (schema {@code Problem}, with {@code violations} for 400) for 400, 401, 403, 404, 409 and 422 of an
 * {@code Idempotency-Key}, 413 and 503 (with {@code Retry-After}), where each can happen; the public approval-link
 * operations answer no 401 or 403 but 410 and 429. Success statuses
 * and the domain's own 409s are declared on the resource methods; their descriptions and examples are kept,
 * their bodies made problem+json.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    /** The operations open without a token (client approval links): no 401 or 403, but 410 and 429. */
    static final String PUBLIC_PREFIX = "/approval-links/";

    private ProblemResponses() {
    }

    static void addTo(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text("The body field (a JSON path such as variants[1].text), parameter or header at fault; empty for the whole body"))
                .addProperty("in", text("body, query, path or header"))
                .addProperty("message", text("What is wrong with it"))
                .addProperty("row", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("CSV import only: the data row at fault (1 = the first row after the header)"))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("CSV import only: the file's line where that row starts"))
                .required(List.of("field", "in", "message")));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text("A URI naming the kind of problem (see the README); absent means about:blank"))
                .addProperty("title", text("Short summary of the status"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("What happened, for a person"))
                .addProperty("instance", text("The request path"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("Violation")))
                .additionalPropertiesBoolean(true)
                .required(List.of("title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), path.getValue(), entry.getValue());
            }
        }
    }

    private static void document(String path, PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = parameters(item, operation);
        boolean body = operation.getRequestBody() != null;
        boolean idempotent = parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        boolean query = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (body || query || idempotent) {
            problem(responses, "400", body
                    ? "The body or a parameter is not valid: violations name each field and say why"
                    : "A parameter is not valid: violations name it and say why");
        }
        if (path.startsWith(PUBLIC_PREFIX)) {
            problem(responses, "410", "The approval link expired or was revoked (https://tribu.io/problems/link-gone)");
            APIResponse limited = problem(responses, "429", "Too many requests from this address to approval links "
                    + "(https://tribu.io/problems/too-many-requests); retry after Retry-After seconds");
            if (limited.getHeaders() == null || !limited.getHeaders().containsKey("Retry-After")) {
                limited.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
            }
        } else {
            problem(responses, "401", "No bearer token, or an invalid, expired or other-audience one (WWW-Authenticate: Bearer)");
            problem(responses, "403", "The token's roles do not allow this operation");
        }
        if (path.startsWith(PUBLIC_PREFIX)) {
            problem(responses, "404", "No such approval link: unknown, malformed, altered or signed with a retired key "
                    + "(https://tribu.io/problems/not-found), or a post the link does not show");
        } else if (path.contains("{")) {
            problem(responses, "404", path.startsWith("/brands/")
                    ? "The brand is not in the token, or the resource is missing or another agency's (https://tribu.io/problems/not-found)"
                    : "No such resource (https://tribu.io/problems/not-found)");
        }
        if (idempotent) {
            problem(responses, "409", "A request with this Idempotency-Key is still being processed; retry in a moment "
                    + "(https://tribu.io/problems/idempotency-key-in-progress)");
            problem(responses, "422", "This Idempotency-Key was used with another body (https://tribu.io/problems/idempotency-key-reused)");
        }
        if (body) {
            problem(responses, "413", "The body is larger than the service accepts (2 MB)");
        }
        APIResponse unavailable = problem(responses, "503",
                "The database cannot be reached; nothing was changed: retry after Retry-After seconds");
        if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After")) {
            unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        }
    }

    /** The response for {@code code}: the declared one (description and examples kept) or a new one, answering problem+json. */
    private static APIResponse problem(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
        MediaType declared = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM_JSON);
        MediaType media = declared == null ? OASFactory.createMediaType() : declared;
        media.setSchema(OASFactory.createSchema().ref("Problem"));
        Content content = OASFactory.createContent().addMediaType(PROBLEM_JSON, media);
        response.setContent(content);
        return response;
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
