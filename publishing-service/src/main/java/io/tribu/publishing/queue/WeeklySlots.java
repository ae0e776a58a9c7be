package io.tribu.publishing.queue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A channel's weekly slots turned into the instants they fall on, in the brand's zone. */
record WeeklySlots(List<Slot> slots, ZoneId zone) {

    record Slot(DayOfWeek day, LocalTime time) {
    }

    /** How far ahead a free slot is looked for. */
    static final Duration HORIZON = Duration.ofDays(56);

    /**
     * The first slot instant strictly after {@code after} that is not taken, or null within the horizon.
     * A local time skipped by a DST change moves forward with the clock (ZonedDateTime's rule).
     */
    Instant firstFreeAfter(Instant after, Set<Instant> taken) {
        return occurrences(after, after.plus(HORIZON)).stream().filter(slot -> !taken.contains(slot)).findFirst()
                .orElse(null);
    }

    /** Every slot instant in (after, until], earliest first. */
    List<Instant> occurrences(Instant after, Instant until) {
        List<Instant> found = new ArrayList<>();
        LocalDate day = after.atZone(zone).toLocalDate();
        LocalDate last = until.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Slot slot : slots) {
                if (slot.day() == day.getDayOfWeek()) {
                    Instant at = ZonedDateTime.of(day, slot.time(), zone).toInstant();
                    if (at.isAfter(after) && !at.isAfter(until)) {
                        found.add(at);
                    }
                }
            }
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }
}
