package io.tribu.moderation.problem;

import io.tribu.platform.problem.Problems;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters read by hand (checks Bean Validation cannot express), refused as invalid-parameter problems. */
public final class QueryValues {

    private QueryValues() {
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
