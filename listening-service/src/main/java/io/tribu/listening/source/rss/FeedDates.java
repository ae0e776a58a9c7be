package io.tribu.listening.source.rss;

import java.text.DateFormatSymbols;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates real feeds write: RFC 822 (RSS) with day and month names in the feed's language ("mer, 16 nov 2022",
 * "Di, 3 Okt. 2023") or English, two-digit years, named or numeric zones; ISO 8601 (Atom, Dublin Core) with or
 * without seconds, fractions, zone, or time. A missing zone is read as UTC. Null when nothing readable is there.
 */
final class FeedDates {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN, Locale.ITALIAN,
            Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("ca"), Locale.forLanguageTag("ro"), Locale.forLanguageTag("sv"),
            Locale.forLanguageTag("da"), Locale.forLanguageTag("nb"), Locale.forLanguageTag("fi"),
            Locale.forLanguageTag("pl"), Locale.forLanguageTag("cs"), Locale.forLanguageTag("tr"),
            Locale.forLanguageTag("ru"), Locale.forLanguageTag("hu"), Locale.forLanguageTag("id"));
    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("UT", 0), Map.entry("UTC", 0),
            Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0), Map.entry("BST", 60), Map.entry("CET", 60),
            Map.entry("MEZ", 60), Map.entry("CEST", 120), Map.entry("MESZ", 120), Map.entry("EET", 120),
            Map.entry("EEST", 180), Map.entry("MSK", 180), Map.entry("IST", 330), Map.entry("JST", 540),
            Map.entry("KST", 540), Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("EST", -300),
            Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300), Map.entry("MST", -420),
            Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420), Map.entry("AKST", -540),
            Map.entry("AKDT", -480), Map.entry("HST", -600));
    private static final String WEEKDAY = "^(?:[^\\d\\s,]+\\.?,?\\s+)?";
    private static final String TIME = "(?:,?\\s+(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?(?:\\.\\d+)?"
            + "(?:\\s*(?<half>[AaPp]\\.?[Mm]\\.?))?)?(?:\\s*(?<zone>[+-]\\d{2}:?\\d{2}|[A-Za-z]{1,5}))?$";
    /** RFC 822: "Wed, 16 Nov 2022 00:38:15 +0100", in any of the languages. */
    private static final Pattern DAY_MONTH = Pattern.compile(WEEKDAY
            + "(?<day>\\d{1,2})\\.?\\s+(?<month>[^\\d\\s.,]+)\\.?,?\\s+(?<year>\\d{2,4})" + TIME);
    /** The US order some feeds write instead: "Sat, Dec 16 2023 02:02:33 PM". */
    private static final Pattern MONTH_DAY = Pattern.compile(WEEKDAY
            + "(?<month>[^\\d\\s.,]+)\\.?\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})" + TIME);
    /** ISO 8601 with a zone that is not one ("+00:0"): the rest is read, the zone taken as UTC. */
    private static final Pattern ISO_BAD_ZONE = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?)\\s*[+-][\\d:]*$");
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private FeedDates() {
    }

    static Instant parse(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String date = written.strip().replaceAll("\\s+", " ");
        Instant iso = iso(date);
        if (iso != null) {
            return iso;
        }
        Matcher badZone = ISO_BAD_ZONE.matcher(date);
        if (badZone.matches()) {
            return iso(badZone.group(1));
        }
        Instant named = withMonthName(DAY_MONTH.matcher(date));
        return named != null ? named : withMonthName(MONTH_DAY.matcher(date));
    }

    private static Instant iso(String date) {
        try {
            TemporalAccessor parsed = ISO.parse(date);
            LocalDate day = LocalDate.from(parsed);
            if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return day.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            LocalDateTime at = LocalDateTime.of(day, LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return at.toInstant(offset);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant withMonthName(Matcher m) {
        if (!m.matches()) {
            return null;
        }
        Integer month = MONTHS.get(fold(m.group("month")));
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group("year"));
        if (m.group("year").length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        int hour = m.group("hour") == null ? 0 : Integer.parseInt(m.group("hour"));
        if (m.group("half") != null) {
            hour = hour % 12 + (Character.toLowerCase(m.group("half").charAt(0)) == 'p' ? 12 : 0);
        }
        try {
            LocalDateTime at = LocalDateTime.of(year, month, Integer.parseInt(m.group("day")), hour,
                    m.group("minute") == null ? 0 : Integer.parseInt(m.group("minute")),
                    m.group("second") == null ? 0 : Integer.parseInt(m.group("second")));
            return at.toInstant(zone(m.group("zone")));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Numeric offsets and the common abbreviations; an unknown name (or none) is read as UTC. */
    private static ZoneOffset zone(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.replace(":", "");
            int minutes = Integer.parseInt(digits.substring(1, 3)) * 60 + Integer.parseInt(digits.substring(3, 5));
            return ZoneOffset.ofTotalSeconds((zone.startsWith("-") ? -minutes : minutes) * 60);
        }
        return ZoneOffset.ofTotalSeconds(ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), 0) * 60);
    }

    /** Month names and abbreviations of the languages above, folded (case, accents, trailing dot). */
    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        for (Locale language : LANGUAGES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(language);
            for (String[] names : List.of(symbols.getMonths(), symbols.getShortMonths())) {
                for (int i = 0; i < 12; i++) {
                    String name = fold(names[i]);
                    months.putIfAbsent(name, i + 1);
                    if (name.length() > 3) {
                        months.putIfAbsent(name.substring(0, 3), i + 1);
                    }
                }
            }
        }
        months.putIfAbsent("sept", 9);
        return Map.copyOf(months);
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace(".", "")
                .toLowerCase(Locale.ROOT);
    }
}
