package io.tribu.publishing.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeasonalEventsTest {

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easter(int year, LocalDate expected) {
        assertEquals(expected, SeasonalEvents.easter(year));
    }

    @ParameterizedTest(name = "Fête des mères {0}")
    @CsvSource({
            "2024, 2024-05-26",
            "2025, 2025-05-25",
            "2026, 2026-05-31",
            // Pentecost falls on the last Sunday of May: moved to the first Sunday of June.
            "2012, 2012-06-03",
            "2023, 2023-06-04"})
    void mothersDay(int year, LocalDate expected) {
        assertEquals(expected, SeasonalEvents.mothersDay(year));
    }

    @ParameterizedTest
    @CsvSource({"2024, 2024-11-29", "2025, 2025-11-28", "2026, 2026-11-27", "2030, 2030-11-29"})
    void blackFridayFollowsTheFourthThursdayOfNovember(int year, LocalDate expected) {
        assertEquals(expected, SeasonalEvents.blackFriday(year));
    }

    @ParameterizedTest
    @CsvSource({"2026, 2026-01-14, 2026-06-24", "2027, 2027-01-13, 2027-06-30", "2025, 2025-01-08, 2025-06-25"})
    void salesStartOnTheDocumentedWednesdays(int year, LocalDate winter, LocalDate summer) {
        assertEquals(winter, SeasonalEvents.winterSales(year));
        assertEquals(summer, SeasonalEvents.summerSales(year));
    }

    @Test
    void aRangeAcrossNewYearListsBothYearsInOrderWithNamesInTheLanguage() {
        List<SeasonalMarker> french = SeasonalEvents.between(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 20),
                Locale.FRENCH);
        assertEquals(List.of("christmas-eve", "christmas", "new-years-eve", "new-year", "winter-sales"),
                french.stream().map(SeasonalMarker::key).toList());
        assertEquals("Noël", french.get(1).name());
        assertEquals(LocalDate.of(2027, 2, 9), french.get(4).endDate());
        List<SeasonalMarker> english = SeasonalEvents.between(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 14),
                Locale.ENGLISH);
        assertEquals(List.of("Valentine's Day"), english.stream().map(SeasonalMarker::name).toList());
    }

    @Test
    void everyYearHasEveryEventOnce() {
        List<SeasonalMarker> year = SeasonalEvents.between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                Locale.FRENCH);
        assertEquals(16, year.size());
        assertEquals(16, year.stream().map(SeasonalMarker::key).distinct().count());
    }
}
