package io.tribu.publishing.recurrence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Occurrences in the brand's zone, daylight-saving changes included. */
class RepeatRuleTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static RepeatRule rule(String kind, String days, int dayOfMonth, int everyDays, String time, String start, String end) {
        EnumSet<DayOfWeek> weekDays = EnumSet.noneOf(DayOfWeek.class);
        if (!days.isEmpty()) {
            Arrays.stream(days.split(" ")).map(DayOfWeek::valueOf).forEach(weekDays::add);
        }
        return new RepeatRule(RepeatRule.Kind.fromWire(kind), weekDays, dayOfMonth, everyDays, LocalTime.parse(time), PARIS,
                LocalDate.parse(start), LocalDate.parse(end));
    }

    @ParameterizedTest(name = "{0} {1}{2}{3} at {4}, {5}..{6} in ({7}, {8}]")
    @CsvSource(delimiter = ';', value = {
            // Weekly across the spring-forward night (2027-03-28): 09:00 stays 09:00, so 08:00Z then 07:00Z.
            "weekly; WEDNESDAY SUNDAY; 0; 0; 09:00; 2027-03-22; 2027-04-30; 2027-03-22T00:00:00Z; 2027-04-01T00:00:00Z; 2027-03-24T08:00:00Z 2027-03-28T07:00:00Z 2027-03-31T07:00:00Z",
            // A local time that does not exist that night moves forward by the gap: 02:30 is 03:30 CEST.
            "weekly; SUNDAY; 0; 0; 02:30; 2027-03-01; 2027-04-30; 2027-03-27T00:00:00Z; 2027-03-29T00:00:00Z; 2027-03-28T01:30:00Z",
            // A local time that happens twice (fall back, 2027-10-31) is its first instant, in summer time.
            "weekly; SUNDAY; 0; 0; 02:30; 2027-10-01; 2027-11-30; 2027-10-30T00:00:00Z; 2027-11-01T00:00:00Z; 2027-10-31T00:30:00Z",
            // Monthly on the 31st: the last day of shorter months; the end date is included.
            "monthly; ; 31; 0; 18:00; 2027-01-01; 2027-04-30; 2027-01-01T00:00:00Z; 2027-06-01T00:00:00Z; 2027-01-31T17:00:00Z 2027-02-28T17:00:00Z 2027-03-31T16:00:00Z 2027-04-30T16:00:00Z",
            // Evergreen every 10 days from the start date, not before it.
            "evergreen; ; 0; 10; 12:00; 2027-01-05; 2027-02-10; 2027-01-01T00:00:00Z; 2027-03-01T00:00:00Z; 2027-01-05T11:00:00Z 2027-01-15T11:00:00Z 2027-01-25T11:00:00Z 2027-02-04T11:00:00Z",
            // The window's bounds: after, excluded; until, included.
            "evergreen; ; 0; 1; 12:00; 2027-01-01; 2027-01-10; 2027-01-02T11:00:00Z; 2027-01-04T11:00:00Z; 2027-01-03T11:00:00Z 2027-01-04T11:00:00Z",
    })
    void occurrencesAreDueAtTheLocalTimeOfTheirDay(String kind, String days, int dayOfMonth, int everyDays, String time,
                                                   String start, String end, String after, String until, String expected) {
        RepeatRule rule = rule(kind, days == null ? "" : days.trim(), dayOfMonth, everyDays, time, start, end);
        List<String> due = rule.between(Instant.parse(after), Instant.parse(until)).stream()
                .map(occurrence -> occurrence.dueAt().toString()).collect(Collectors.toList());
        assertEquals(List.of(expected.split(" ")), due);
    }
}
