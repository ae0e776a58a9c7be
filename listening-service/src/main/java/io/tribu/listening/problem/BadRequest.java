package io.tribu.listening.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The 400 answers of this service that the platform's {@link Problems} does not build: a URL the SSRF guard
 * refuses, and several violations at once.
 */
public final class BadRequest {

    public static final URI REFUSED_URL = URI.create("https://tribu.io/problems/refused-url");

    private BadRequest() {
    }

    /** A URL that may not be used (internal address, other scheme, unresolvable host), on the body field {@code field}. */
    public static HttpProblem refusedUrl(String field, String reason) {
        return of(REFUSED_URL, field + ": " + reason, List.of(Problems.violation(field, "body", reason)));
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
