package io.tribu.listening.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** 400 answers built by hand (checks Bean Validation cannot express), shaped like the library's. */
public final class BadRequest {

    public static final URI INVALID_BODY = URI.create("https://tribu.io/problems/invalid-body");

    private BadRequest() {
    }

    /** One field of the body is wrong. */
    public static HttpProblem field(URI type, String field, String message) {
        return of(type, field + ": " + message, List.of(Map.of("field", field, "in", "body", "message", message)));
    }

    public static final URI INVALID_PARAMETER = URI.create("https://tribu.io/problems/invalid-parameter");

    /** One query parameter is wrong. */
    public static HttpProblem parameter(String name, String message) {
        return of(INVALID_PARAMETER, name + ": " + message,
                List.of(Map.of("field", name, "in", "query", "message", message)));
    }

    public static HttpProblem of(URI type, String detail, List<Map<String, String>> violations) {
        return HttpProblem.builder()
                .withType(type)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail)
                .with("violations", violations)
                .build();
    }
}
