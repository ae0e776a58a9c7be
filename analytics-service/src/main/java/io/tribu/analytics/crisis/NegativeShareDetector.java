package io.tribu.analytics.crisis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flags hours whose share of negative mentions (among mentions with a sentiment) is far above the
 * brand's usual share for that hour of that day of the week: the pooled share of the same hour over
 * the previous weeks. The gap is measured in binomial standard errors, √(p0(1−p0)/n), with p0 floored
 * at 5 % so a brand that is never criticised is not alarmed by its first two complaints; the hour also
 * needs {@code minimumNegatives} negative mentions and a share at least 20 points above usual.
 */
public final class NegativeShareDetector {

    static final double SHARE_FLOOR = 0.05;
    static final double MINIMUM_RISE = 0.20;

    private final double sensitivity;
    private final long minimumNegatives;

    public NegativeShareDetector(double sensitivity, long minimumNegatives) {
        this.sensitivity = sensitivity;
        this.minimumNegatives = minimumNegatives;
    }

    /** Negative and scored (positive + neutral + negative) mentions of one hour. */
    public record HourSentiment(long negative, long scored) {
    }

    public record HourScore(Instant start, long negative, long scored, double share, double usualShare, double score) {
    }

    public record Episode(Instant start, Instant end, Instant peak, double peakShare, double usualShareAtPeak,
                          long negative, long scored, List<HourScore> hours) {
    }

    public List<Episode> episodes(Map<Instant, HourSentiment> counts, Instant firstData, Instant from, Instant to) {
        List<Episode> episodes = new ArrayList<>();
        List<HourScore> current = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            HourScore score = score(counts, firstData, hour);
            if (score != null) {
                current.add(score);
            } else if (!current.isEmpty()) {
                episodes.add(episode(current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            episodes.add(episode(current));
        }
        return episodes;
    }

    HourScore score(Map<Instant, HourSentiment> counts, Instant firstData, Instant hour) {
        HourSentiment now = counts.getOrDefault(hour, new HourSentiment(0, 0));
        if (now.negative() < minimumNegatives || now.scored() == 0) {
            return null;
        }
        long negative = 0;
        long scored = 0;
        int weeks = 0;
        for (int week = 1; week <= CrisisDetector.BASELINE_WEEKS; week++) {
            Instant sameHour = hour.minus(CrisisDetector.WEEK.multipliedBy(week));
            if (firstData == null || sameHour.isBefore(firstData.truncatedTo(ChronoUnit.HOURS))) {
                break;
            }
            HourSentiment then = counts.getOrDefault(sameHour, new HourSentiment(0, 0));
            negative += then.negative();
            scored += then.scored();
            weeks++;
        }
        if (weeks < CrisisDetector.MINIMUM_BASELINE_WEEKS) {
            return null;
        }
        double usual = scored == 0 ? 0.0 : (double) negative / scored;
        double floored = Math.max(usual, SHARE_FLOOR);
        double share = (double) now.negative() / now.scored();
        double score = (share - floored) / Math.sqrt(floored * (1 - floored) / now.scored());
        boolean anomalous = score >= sensitivity && share >= usual + MINIMUM_RISE;
        return anomalous ? new HourScore(hour, now.negative(), now.scored(), round(share), round(usual), round(score)) : null;
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    private static Episode episode(List<HourScore> hours) {
        HourScore peak = hours.stream().max((a, b) -> Double.compare(a.share(), b.share())).orElseThrow();
        return new Episode(hours.get(0).start(), hours.get(hours.size() - 1).start().plus(Duration.ofHours(1)),
                peak.start(), peak.share(), peak.usualShare(),
                hours.stream().mapToLong(HourScore::negative).sum(), hours.stream().mapToLong(HourScore::scored).sum(),
                List.copyOf(hours));
    }
}
