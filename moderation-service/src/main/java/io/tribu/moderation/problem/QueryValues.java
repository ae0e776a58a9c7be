package io.tribu.moderation.problem;

import io.tribu.platform.problem.Problems;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters read by hand (checks Bean Validation cannot express), refused as invalid-parameter problems. */
public final class QueryValues {

    private QueryValues() {
    }

    /**
     * An optional integer parameter from min to max, the fallback when absent. Read here rather than by JAX-RS, which
     * answers an unreadable number ("abc", "1.5") with a 404 naming nothing.
     */
    public static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Problems.invalidParameter(field, "must be an integer from " + min + " to " + max);
    }

    /** An optional ISO-8601 instant parameter. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
