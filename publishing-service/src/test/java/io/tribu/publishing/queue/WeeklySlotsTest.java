package io.tribu.publishing.queue;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WeeklySlotsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void slotsFollowTheBrandsClockAcrossDaylightSavingTime() {
        WeeklySlots sundays = new WeeklySlots(List.of(new WeeklySlots.Slot(DayOfWeek.SUNDAY, LocalTime.of(9, 0))), PARIS);
        // 29 March 2026: Paris moves from UTC+1 to UTC+2; 09:00 local stays 09:00 local.
        assertEquals(List.of(Instant.parse("2026-03-22T08:00:00Z"), Instant.parse("2026-03-29T07:00:00Z")),
                sundays.occurrences(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")));
        // A local time the clock skips (02:30 that night) moves forward with it.
        WeeklySlots skipped = new WeeklySlots(List.of(new WeeklySlots.Slot(DayOfWeek.SUNDAY, LocalTime.of(2, 30))), PARIS);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"),
                skipped.firstFreeAfter(Instant.parse("2026-03-28T12:00:00Z"), Set.of()));
    }

    @Test
    void takenSlotsAreSkippedAndTheEndIsTheHorizon() {
        WeeklySlots slots = new WeeklySlots(List.of(new WeeklySlots.Slot(DayOfWeek.TUESDAY, LocalTime.of(18, 0)),
                new WeeklySlots.Slot(DayOfWeek.MONDAY, LocalTime.of(9, 0))), PARIS);
        Instant after = Instant.parse("2026-11-23T08:00:00Z");   // Monday 09:00 Paris: not strictly after
        assertEquals(Instant.parse("2026-11-24T17:00:00Z"), slots.firstFreeAfter(after, Set.of()));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"),
                slots.firstFreeAfter(after, Set.of(Instant.parse("2026-11-24T17:00:00Z"))));
        List<Instant> all = slots.occurrences(after, after.plus(WeeklySlots.HORIZON));
        assertEquals(16, all.size());
        assertNull(slots.firstFreeAfter(after, Set.copyOf(all)));
    }
}
