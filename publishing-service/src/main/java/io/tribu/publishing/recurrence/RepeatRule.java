package io.tribu.publishing.recurrence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a series repeats, in the brand's zone: weekly on given days, monthly on a day (the 31st is the last day of
 * shorter months), or evergreen every N days from the start date; always at one local time, from the start date
 * to the end date, both included. A local time skipped by a daylight-saving change moves forward by the gap
 * (02:30 on the spring-forward night is 03:30); a repeated one takes its first (summer-time) instant.
 */
public record RepeatRule(Kind kind, Set<DayOfWeek> days, int dayOfMonth, int everyDays, LocalTime time, ZoneId zone,
                         LocalDate start, LocalDate end) {

    public enum Kind {
        WEEKLY, MONTHLY, EVERGREEN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** One occurrence: its local date (the occurrence's name) and its instant. */
    public record Occurrence(LocalDate date, Instant dueAt) {
    }

    public boolean isOccurrence(LocalDate date) {
        if (date.isBefore(start) || date.isAfter(end)) {
            return false;
        }
        return switch (kind) {
            case WEEKLY -> days.contains(date.getDayOfWeek());
            case MONTHLY -> date.getDayOfMonth() == Math.min(dayOfMonth, date.with(TemporalAdjusters.lastDayOfMonth()).getDayOfMonth());
            case EVERGREEN -> ChronoUnit.DAYS.between(start, date) % everyDays == 0;
        };
    }

    public Instant dueAt(LocalDate date) {
        // ZonedDateTime.of resolves a gap forward by its length and an overlap to the earlier offset.
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** The occurrences due in (after, until], earliest first. */
    public List<Occurrence> between(Instant after, Instant until) {
        List<Occurrence> found = new ArrayList<>();
        LocalDate first = max(start, after.atZone(zone).toLocalDate().minusDays(1));
        LocalDate last = min(end, until.atZone(zone).toLocalDate().plusDays(1));
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (isOccurrence(date)) {
                Instant due = dueAt(date);
                if (due.isAfter(after) && !due.isAfter(until)) {
                    found.add(new Occurrence(date, due));
                }
            }
        }
        return found;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
