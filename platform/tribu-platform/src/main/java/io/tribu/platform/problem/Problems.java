package io.tribu.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem types every service shares (RFC 9457), each defined once; the root README lists them (with the
 * idempotency ones of {@code Idempotency}). A service's own domain problems (stale-version, wrong-status...) stay
 * in the service.
 */
public final class Problems {

    public static final URI INVALID_PARAMETER = URI.create("https://tribu.io/problems/invalid-parameter");
    public static final URI INVALID_BODY = URI.create("https://tribu.io/problems/invalid-body");
    public static final URI NOT_FOUND = URI.create("https://tribu.io/problems/not-found");
    public static final URI UNAVAILABLE = URI.create("https://tribu.io/problems/unavailable");
    /** A URL the URL guard refuses: an internal address, another scheme, a name that does not resolve. */
    public static final URI REFUSED_URL = URI.create("https://tribu.io/problems/refused-url");
    /** A signed delivery (webhook) whose signature is missing, wrong or stale. */
    public static final URI BAD_SIGNATURE = URI.create("https://tribu.io/problems/bad-signature");

    private Problems() {
    }

    /** One violation: the field (a JSON path or a parameter name), where it is, and what is wrong. */
    public static Map<String, String> violation(String field, String in, String message) {
        return Map.of("field", field, "in", in, "message", message);
    }

    /** An unreadable query or path parameter. */
    public static HttpProblem invalidParameter(String field, String message) {
        return withViolation(INVALID_PARAMETER, field, "query", message);
    }

    /** An unreadable request header. */
    public static HttpProblem invalidHeader(String header, String message) {
        return withViolation(INVALID_PARAMETER, header, "header", message);
    }

    /** A field of the body that breaks a rule annotations cannot say. */
    public static HttpProblem invalidBody(String field, String message) {
        return withViolation(INVALID_BODY, field, "body", message);
    }

    /** A URL of the body field {@code field} that the URL guard refuses. */
    public static HttpProblem refusedUrl(String field, String reason) {
        return withViolation(REFUSED_URL, field, "body", reason);
    }

    /** A 400 of the given type with several violations at once. */
    public static HttpProblem invalid(URI type, String detail, List<Map<String, String>> violations) {
        return HttpProblem.builder()
                .withType(type)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail)
                .with("violations", violations)
                .build();
    }

    private static HttpProblem withViolation(URI type, String field, String in, String message) {
        return invalid(type, field + ": " + message, List.of(violation(field, in, message)));
    }

    static Map<String, Object> badRequest(String detail, Map<String, String> violation) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        problem.put("detail", detail);
        problem.put("violations", List.of(violation));
        return problem;
    }

    static Response response(Map<String, Object> problem, UriInfo uriInfo) {
        problem.put("instance", uriInfo.getRequestUri().getRawPath());
        return Response.status((Integer) problem.get("status")).type("application/problem+json").entity(problem).build();
    }
}
