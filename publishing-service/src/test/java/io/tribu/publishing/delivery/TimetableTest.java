package io.tribu.publishing.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimetableTest {

    static final Instant NOON = Instant.parse("2026-12-24T12:00:00Z");

    @Test
    void givesOnlyWhatIsDueEarliestFirstAndKeepsTheRestForItsInstant() {
        Timetable timetable = new Timetable();
        Leased late = leased(NOON.plusMillis(1));
        Leased first = leased(NOON.minusSeconds(2));
        Leased onTime = leased(NOON);
        List.of(late, first, onTime).forEach(timetable::add);

        assertEquals(List.of(first, onTime), timetable.takeDue(NOON, 10));
        assertEquals(List.of(), timetable.takeDue(NOON, 10), "one millisecond early is too early");
        assertEquals(Optional.of(NOON.plusMillis(1)), timetable.next());
        assertEquals(List.of(late), timetable.takeDue(NOON.plusMillis(1), 10));
        assertEquals(Optional.empty(), timetable.next());
    }

    @Test
    void takesAtMostWhatWasAskedAndForgetsLeasesLost() {
        Timetable timetable = new Timetable();
        Leased a = leased(NOON);
        Leased b = leased(NOON);
        Leased c = leased(NOON);
        List.of(a, b, c).forEach(timetable::add);
        timetable.forget(Set.of(b.id()));

        List<Leased> due = timetable.takeDue(NOON, 1);
        assertEquals(1, due.size());
        assertEquals(1, timetable.size());
        assertEquals(Set.of(a, c), Set.of(due.get(0), timetable.takeDue(NOON, 10).get(0)));
    }

    @Test
    void aDeliveryLeasedAgainIsKeptOnceAtItsNewInstant() {
        Timetable timetable = new Timetable();
        Leased retried = leased(NOON);
        timetable.add(retried);
        timetable.add(new Leased(retried.id(), "t", "b", retried.postId(), retried.channelId(), "mastodon", "x", List.of(),
                NOON, NOON.plusSeconds(30), 1, false, null, null, null));

        assertEquals(1, timetable.size());
        assertEquals(Optional.of(NOON.plusSeconds(30)), timetable.next());
    }

    static Leased leased(Instant fireAt) {
        return new Leased(UUID.randomUUID(), "t", "b", UUID.randomUUID(), UUID.randomUUID(), "mastodon", "x", List.of(),
                fireAt, fireAt, 0, false, null, null, null);
    }
}
