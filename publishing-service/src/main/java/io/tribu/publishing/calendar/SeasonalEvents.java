package io.tribu.publishing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The seasonal events a French brand plans posts around, computed per year: fixed days, and the
 * movable ones (Black Friday, Fête des mères, Fête des pères, the sales) by their rules.
 */
public final class SeasonalEvents {

    /** One kind of event: how to find its first day in a year, how many days it lasts, its names. */
    private record Event(String key, IntFunction<LocalDate> firstDay, int days, String french, String english) {
    }

    private static final List<Event> EVENTS = List.of(
            fixed("new-year", 1, 1, "Jour de l'an", "New Year's Day"),
            new Event("winter-sales", SeasonalEvents::winterSales, 28, "Soldes d'hiver", "Winter sales (France)"),
            fixed("chandeleur", 2, 2, "Chandeleur", "Candlemas (crêpe day)"),
            fixed("valentines-day", 2, 14, "Saint-Valentin", "Valentine's Day"),
            fixed("april-fools", 4, 1, "Poisson d'avril", "April Fools' Day"),
            new Event("mothers-day", SeasonalEvents::mothersDay, 1, "Fête des mères", "Mother's Day (France)"),
            new Event("fathers-day", year -> LocalDate.of(year, Month.JUNE, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.SUNDAY)), 1,
                    "Fête des pères", "Father's Day (France)"),
            fixed("music-day", 6, 21, "Fête de la musique", "Music Day"),
            new Event("summer-sales", SeasonalEvents::summerSales, 28, "Soldes d'été", "Summer sales (France)"),
            fixed("bastille-day", 7, 14, "Fête nationale (14 juillet)", "Bastille Day"),
            fixed("back-to-school", 9, 1, "Rentrée", "Back to school (France)"),
            fixed("halloween", 10, 31, "Halloween", "Halloween"),
            new Event("black-friday", SeasonalEvents::blackFriday, 1, "Black Friday", "Black Friday"),
            fixed("christmas-eve", 12, 24, "Réveillon de Noël", "Christmas Eve"),
            fixed("christmas", 12, 25, "Noël", "Christmas"),
            fixed("new-years-eve", 12, 31, "Réveillon du Nouvel An", "New Year's Eve"));

    private SeasonalEvents() {
    }

    /** The events whose first day is in [first, last], earliest first, named in {@code language} (fr or en). */
    public static List<SeasonalMarker> between(LocalDate first, LocalDate last, Locale language) {
        boolean french = !Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        List<SeasonalMarker> markers = new ArrayList<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            for (Event event : EVENTS) {
                LocalDate day = event.firstDay().apply(year);
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    markers.add(new SeasonalMarker(event.key(), day, day.plusDays(event.days() - 1L),
                            french ? event.french() : event.english()));
                }
            }
        }
        markers.sort(Comparator.comparing(SeasonalMarker::date).thenComparing(SeasonalMarker::key));
        return markers;
    }

    /** The day after the fourth Thursday of November (US Thanksgiving). */
    static LocalDate blackFriday(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY))
                .plusDays(1);
    }

    /** Last Sunday of May, or the first Sunday of June when that Sunday is Pentecost (French rule). */
    static LocalDate mothersDay(int year) {
        LocalDate lastSundayOfMay = LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return lastSundayOfMay.equals(pentecost(year))
                ? LocalDate.of(year, Month.JUNE, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : lastSundayOfMay;
    }

    /**
     * Approximation: the second Wednesday of January, for 4 weeks. The decree setting the sales'
     * dates adds exceptions (an earlier Wednesday in some years, other dates in some departments)
     * that are not applied here.
     */
    static LocalDate winterSales(int year) {
        return LocalDate.of(year, Month.JANUARY, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY));
    }

    /** Approximation, as for the winter sales: the last Wednesday of June, for 4 weeks. */
    static LocalDate summerSales(int year) {
        return LocalDate.of(year, Month.JUNE, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.WEDNESDAY));
    }

    static LocalDate pentecost(int year) {
        return easter(year).plusDays(49);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computation). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Event fixed(String key, int month, int day, String french, String english) {
        MonthDay monthDay = MonthDay.of(month, day);
        return new Event(key, monthDay::atYear, 1, french, english);
    }
}
