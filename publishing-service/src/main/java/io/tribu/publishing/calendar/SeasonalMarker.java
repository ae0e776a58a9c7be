package io.tribu.publishing.calendar;

import java.time.LocalDate;

/**
 * A day (or span) of the year worth planning posts for, in the requested language. {@code endDate}
 * is inclusive and equals {@code date} for one-day events.
 */
public record SeasonalMarker(String key, LocalDate date, LocalDate endDate, String name) {
}
