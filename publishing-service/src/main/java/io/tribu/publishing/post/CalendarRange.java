package io.tribu.publishing.post;

import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The [from, to) slice of the calendar a listing covers, read from the query string with clear 400s. */
public record CalendarRange(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(31);
    public static final Duration LONGEST = Duration.ofDays(400);

    /**
     * Defaults to the 31 days from {@code now}: a calendar looks ahead. With only {@code to}, the 31 days
     * before it; with only {@code from}, the 31 days after it.
     */
    public static CalendarRange parse(String fromParam, String toParam, Instant now) {
        Instant from = fromParam == null ? null : instant("from", fromParam);
        Instant to = toParam == null ? null : instant("to", toParam);
        if (from == null) {
            from = to == null ? now : to.minus(DEFAULT_LENGTH);
        }
        if (to == null) {
            to = from.plus(DEFAULT_LENGTH);
        }
        if (!from.isBefore(to)) {
            throw Problems.invalidParameter("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw Problems.invalidParameter("to", "the range may span at most " + LONGEST.toDays() + " days");
        }
        return new CalendarRange(from, to);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
