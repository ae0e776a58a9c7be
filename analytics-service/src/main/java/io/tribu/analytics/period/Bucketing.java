package io.tribu.analytics.period;

import io.tribu.platform.problem.Problems;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a time series is cut: hour, day or week (weeks start on Monday, ISO) in a time zone. Facts
 * are stored per UTC hour, so days and weeks follow the zone's midnight, daylight saving included.
 * There is no brand setting for the zone yet: callers pass {@code tz}, Europe/Paris by default.
 */
public record Bucketing(String unit, ZoneId zone) {

    public static final String DEFAULT_ZONE = "Europe/Paris";

    public static Bucketing parse(String granularity, String tz) {
        String unit = granularity == null ? "day" : granularity.toLowerCase(Locale.ROOT);
        if (!unit.equals("hour") && !unit.equals("day") && !unit.equals("week")) {
            throw Problems.invalidParameter("granularity", "must be hour, day or week");
        }
        try {
            return new Bucketing(unit, ZoneId.of(tz == null || tz.isBlank() ? DEFAULT_ZONE : tz));
        } catch (DateTimeException e) {
            throw Problems.invalidParameter("tz", "must be an IANA time zone such as Europe/Paris");
        }
    }

    /** The start of a bucket given as local time of the zone (what date_trunc answers), with its offset. */
    public OffsetDateTime start(LocalDateTime local) {
        return local.atZone(zone).toOffsetDateTime();
    }

    /** The local starts of every bucket the period touches, in order: charts show quiet buckets as zero. */
    public List<LocalDateTime> localStarts(ReportingPeriod period) {
        List<LocalDateTime> starts = new ArrayList<>();
        ZonedDateTime cursor = truncate(period.from().atZone(zone));
        ZonedDateTime end = period.to().atZone(zone);
        while (cursor.isBefore(end)) {
            starts.add(cursor.toLocalDateTime());
            cursor = switch (unit) {
                case "hour" -> cursor.plusHours(1);
                case "day" -> cursor.plusDays(1);
                default -> cursor.plusWeeks(1);
            };
        }
        return starts;
    }

    private ZonedDateTime truncate(ZonedDateTime time) {
        return switch (unit) {
            case "hour" -> time.truncatedTo(ChronoUnit.HOURS);
            case "day" -> time.truncatedTo(ChronoUnit.DAYS);
            default -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }
}
