package io.tribu.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem types every service shares (RFC 9457), each defined once; the root README lists them.
 * A service's own domain problems (stale-version, refused-url...) stay in the service.
 */
public final class Problems {

    public static final URI INVALID_PARAMETER = URI.create("https://tribu.io/problems/invalid-parameter");
    public static final URI INVALID_BODY = URI.create("https://tribu.io/problems/invalid-body");
    public static final URI NOT_FOUND = URI.create("https://tribu.io/problems/not-found");
    public static final URI UNAVAILABLE = URI.create("https://tribu.io/problems/unavailable");

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

    private static HttpProblem withViolation(URI type, String field, String in, String message) {
        return HttpProblem.builder()
                .withType(type)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(field + ": " + message)
                .with("violations", List.of(violation(field, in, message)))
                .build();
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
