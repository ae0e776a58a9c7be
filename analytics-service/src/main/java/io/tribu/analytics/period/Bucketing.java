package io.tribu.analytics.period;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
            throw ReportingPeriod.invalid("granularity", "must be hour, day or week");
        }
        try {
            return new Bucketing(unit, ZoneId.of(tz == null || tz.isBlank() ? DEFAULT_ZONE : tz));
        } catch (DateTimeException e) {
            throw ReportingPeriod.invalid("tz", "must be an IANA time zone such as Europe/Paris");
        }
    }

    /** The start of a bucket given as local time of the zone (what date_trunc answers), with its offset. */
    public OffsetDateTime start(LocalDateTime local) {
        return local.atZone(zone).toOffsetDateTime();
    }
}
