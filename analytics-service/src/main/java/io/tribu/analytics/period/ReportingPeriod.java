package io.tribu.analytics.period;

import io.tribu.platform.problem.Problems;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** The [from, to) period a measure covers, read from the query string with clear 400s. */
public record ReportingPeriod(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    public static final Duration LONGEST = Duration.ofDays(400);
    /** Instants PostgreSQL, the time zones and the day arithmetic all take; anything else is a typing slip. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Defaults to the 30 days before {@code to}, itself defaulting to {@code now}. */
    public static ReportingPeriod parse(String fromParam, String toParam, Instant now) {
        return parse(fromParam, toParam, DEFAULT_LENGTH, now);
    }

    /** Defaults to the {@code defaultLength} before {@code to}, itself defaulting to {@code now}. */
    public static ReportingPeriod parse(String fromParam, String toParam, Duration defaultLength, Instant now) {
        Instant to = toParam == null ? now : instant("to", toParam);
        Instant from = fromParam == null ? to.minus(defaultLength) : instant("from", fromParam);
        if (!from.isBefore(to)) {
            throw Problems.invalidParameter("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw Problems.invalidParameter("from", "the period may span at most " + LONGEST.toDays() + " days");
        }
        return new ReportingPeriod(from, to);
    }

    public static Instant instant(String field, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw Problems.invalidParameter(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
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
        throw Problems.invalidParameter(field, "must be a whole number from " + min + " to " + max);
    }

    /** A decimal number query parameter within bounds (no NaN, no hexadecimal, no Java suffix), or a 400 naming it. */
    public static double number(String field, String value, double min, double max) {
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return number.doubleValue();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidParameter(field, "must be a number from " + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString()
                + " to " + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString());
    }

    /** An optional id query parameter (absent or blank: null), or a 400 naming it. */
    public static UUID optionalId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CANONICAL_UUID.matcher(value.strip()).matches()) {
            throw Problems.invalidParameter(field, "must be a UUID such as 3a9c7e1f-5b2d-4c8a-9e6f-0d4b2a8c6e1f");
        }
        return UUID.fromString(value.strip());
    }
}
