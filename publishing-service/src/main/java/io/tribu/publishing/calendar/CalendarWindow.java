package io.tribu.publishing.calendar;

import io.tribu.publishing.post.CalendarRange;
import io.tribu.platform.problem.Problems;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The [from, to) slice a calendar request covers, in the zone its days are cut in. Each bound is a
 * local date ({@code 2026-12-01}: midnight of that day in the zone) or an ISO-8601 instant.
 */
public record CalendarWindow(ZoneId zone, Instant from, Instant to) {

    /** Without bounds: the 31 days from the start of {@code now}'s day in the zone. */
    public static CalendarWindow parse(String fromParam, String toParam, ZoneId zone, Instant now) {
        Instant from = fromParam == null ? null : bound("from", fromParam, zone);
        Instant to = toParam == null ? null : bound("to", toParam, zone);
        if (from == null) {
            from = to == null ? LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant() : to.minus(CalendarRange.DEFAULT_LENGTH);
        }
        if (to == null) {
            to = from.plus(CalendarRange.DEFAULT_LENGTH);
        }
        if (!from.isBefore(to)) {
            throw Problems.invalidParameter("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(CalendarRange.LONGEST) > 0) {
            throw Problems.invalidParameter("to", "the range may span at most " + CalendarRange.LONGEST.toDays() + " days");
        }
        return new CalendarWindow(zone, from, to);
    }

    /** The first local day the window touches. */
    public LocalDate firstDay() {
        return from.atZone(zone).toLocalDate();
    }

    /** The last local day the window touches (inclusive). */
    public LocalDate lastDay() {
        return to.minusNanos(1).atZone(zone).toLocalDate();
    }

    private static Instant bound(String field, String value, ZoneId zone) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(field, "must be a date such as 2026-12-01 or an ISO-8601 instant such as "
                    + "2026-12-01T00:00:00Z");
        }
    }
}
