package io.tribu.analytics.period;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The [from, to) period a measure covers, read from the query string with clear 400s. */
public record ReportingPeriod(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    public static final Duration LONGEST = Duration.ofDays(400);
    public static final URI INVALID_PARAMETER = URI.create("https://tribu.io/problems/invalid-parameter");

    /** Defaults to the 30 days before {@code to}, itself defaulting to {@code now}. */
    public static ReportingPeriod parse(String fromParam, String toParam, Instant now) {
        return parse(fromParam, toParam, DEFAULT_LENGTH, now);
    }

    /** Defaults to the {@code defaultLength} before {@code to}, itself defaulting to {@code now}. */
    public static ReportingPeriod parse(String fromParam, String toParam, Duration defaultLength, Instant now) {
        Instant to = toParam == null ? now : instant("to", toParam);
        Instant from = fromParam == null ? to.minus(defaultLength) : instant("from", fromParam);
        if (!from.isBefore(to)) {
            throw invalid("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw invalid("from", "the period may span at most " + LONGEST.toDays() + " days");
        }
        return new ReportingPeriod(from, to);
    }

    public static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    /** A whole number query parameter within bounds, or a 400 naming it. */
    public static int count(String field, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(field, "must be a whole number from " + min + " to " + max);
    }

    /** An optional id query parameter (absent or blank: null), or a 400 naming it. */
    public static java.util.UUID optionalId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be a UUID such as 3a9c7e1f-5b2d-4c8a-9e6f-0d4b2a8c6e1f");
        }
    }

    public static HttpProblem invalid(String field, String message) {
        return HttpProblem.builder()
                .withType(INVALID_PARAMETER)
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", "query", "message", message)))
                .build();
    }
}
