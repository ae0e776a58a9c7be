package io.tribu.analytics.moderation;

import io.tribu.analytics.csv.CsvTable;

import java.util.List;
import io.tribu.analytics.period.ReportingPeriod;

import java.time.Duration;
import java.time.Instant;

/**
 * Time to first response (a decision taken in Tribu, or a network action once publishing reports it done) for
 * interactions posted in the period.
 * Seconds are null when no interaction was answered.
 */
public record ResponseTimes(String brandId, Instant from, Instant to, long answered, Double medianSeconds,
                            Double p90Seconds, Double averageSeconds, long slaSeconds, Double withinSlaShare)
        implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("answered", "medianSeconds", "p90Seconds", "averageSeconds", "slaSeconds", "withinSlaShare");
    }

    @Override
    public List<List<Object>> csvRows() {
        return List.of(java.util.Arrays.asList(answered, medianSeconds, p90Seconds, averageSeconds, slaSeconds,
                withinSlaShare));
    }

    static ResponseTimes of(String brandId, ReportingPeriod period, Duration sla, ChannelResponseTimes figures) {
        return new ResponseTimes(brandId, period.from(), period.to(), figures.answered(), figures.medianSeconds(),
                figures.p90Seconds(), figures.averageSeconds(), sla.toSeconds(), figures.withinSlaShare());
    }
}
