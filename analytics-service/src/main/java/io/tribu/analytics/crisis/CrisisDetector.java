package io.tribu.analytics.crisis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flags hours whose mention volume is far above the brand's usual level for that hour of that day
 * of the week (the same hour in each of the previous weeks), and groups consecutive flagged hours
 * into episodes. The spread is floored by a Poisson term (√mean) so a quiet, regular brand is not
 * alarmed by a handful of extra mentions; an hour also needs twice its usual volume and a minimum
 * volume to count at all. A brand
 * with less than two weeks of history gets no verdict.
 */
public final class CrisisDetector {

    public static final int BASELINE_WEEKS = 8;
    /** A crisis is a multiple of the usual level, not a few mentions more on a busy hour. */
    static final double MINIMUM_RATIO = 2.0;
    /** With less history than this there is no "usual level" to compare with, hence no verdict. */
    static final int MINIMUM_BASELINE_WEEKS = 2;
    static final Duration WEEK = Duration.ofDays(7);

    private final double sensitivity;
    private final long minimumMentions;

    public CrisisDetector(double sensitivity, long minimumMentions) {
        this.sensitivity = sensitivity;
        this.minimumMentions = minimumMentions;
    }

    public record HourScore(Instant start, long mentions, double expected, double score) {
    }

    public record Episode(Instant start, Instant end, Instant peak, long peakMentions, double expectedAtPeak,
                          long mentions, List<HourScore> hours) {
    }

    /**
     * @param counts mentions per UTC hour start, covering at least {@link #BASELINE_WEEKS} weeks before
     *               {@code from}; hours absent from the map had no mention
     * @param firstData the first hour the brand had any mention: weeks before it are not evidence of calm
     */
    public List<Episode> episodes(Map<Instant, Long> counts, Instant firstData, Instant from, Instant to) {
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

    /** The hour's score when it is anomalous, else null. */
    HourScore score(Map<Instant, Long> counts, Instant firstData, Instant hour) {
        long mentions = counts.getOrDefault(hour, 0L);
        if (mentions < minimumMentions) {
            return null;
        }
        List<Long> history = new ArrayList<>();
        for (int week = 1; week <= BASELINE_WEEKS; week++) {
            Instant sameHour = hour.minus(WEEK.multipliedBy(week));
            if (firstData == null || sameHour.isBefore(firstData.truncatedTo(ChronoUnit.HOURS))) {
                break;
            }
            history.add(counts.getOrDefault(sameHour, 0L));
        }
        if (history.size() < MINIMUM_BASELINE_WEEKS) {
            return null;
        }
        double mean = history.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = history.size() < 2 ? 0 : history.stream()
                .mapToDouble(count -> (count - mean) * (count - mean)).sum() / (history.size() - 1);
        double spread = Math.max(Math.max(Math.sqrt(variance), Math.sqrt(mean)), 1.0);
        double score = (mentions - mean) / spread;
        boolean anomalous = score >= sensitivity && mentions >= MINIMUM_RATIO * mean;
        return anomalous ? new HourScore(hour, mentions, mean, score) : null;
    }

    private static Episode episode(List<HourScore> hours) {
        HourScore peak = hours.stream().max((a, b) -> Long.compare(a.mentions(), b.mentions())).orElseThrow();
        return new Episode(hours.get(0).start(), hours.get(hours.size() - 1).start().plus(Duration.ofHours(1)),
                peak.start(), peak.mentions(), peak.expected(),
                hours.stream().mapToLong(HourScore::mentions).sum(), List.copyOf(hours));
    }
}
