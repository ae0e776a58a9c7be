package io.tribu.moderation.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** 400 answers built by hand (checks Bean Validation cannot express), naming the parameter or field. */
public final class InvalidParameter {

    public static final URI TYPE = URI.create("https://tribu.io/problems/invalid-parameter");

    private InvalidParameter() {
    }

    public static final URI INVALID_BODY = URI.create("https://tribu.io/problems/invalid-body");

    /** A query parameter is unreadable. */
    public static HttpProblem of(String field, String message) {
        return problem(TYPE, field, "query", message);
    }

    /** A field of the body breaks a rule the annotations cannot say. */
    public static HttpProblem inBody(String field, String message) {
        return problem(INVALID_BODY, field, "body", message);
    }

    private static HttpProblem problem(URI type, String field, String in, String message) {
        return HttpProblem.builder()
                .withType(type)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", message)))
                .build();
    }

    /** An optional ISO-8601 instant parameter. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw of(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
