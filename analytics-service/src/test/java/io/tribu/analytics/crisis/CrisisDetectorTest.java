package io.tribu.analytics.crisis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrisisDetectorTest {

    static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant WEEK_UNDER_WATCH = Instant.parse("2026-11-16T00:00:00Z");

    /** Eleven weeks of a brand with a daily rhythm: busy at lunch and in the evening, quiet at night. */
    static Map<Instant, Long> ordinaryWeeks(long seed) {
        Random noise = new Random(seed);
        Map<Instant, Long> counts = new HashMap<>();
        for (Instant hour = START; hour.isBefore(WEEK_UNDER_WATCH.plus(Duration.ofDays(7))); hour = hour.plus(Duration.ofHours(1))) {
            int hourOfDay = hour.atZone(java.time.ZoneOffset.UTC).getHour();
            long usual = hourOfDay == 12 || hourOfDay == 19 ? 40 : hourOfDay < 7 ? 1 : 8;
            counts.put(hour, Math.max(0, usual + Math.round(noise.nextGaussian() * Math.sqrt(usual))));
        }
        return counts;
    }

    final CrisisDetector detector = new CrisisDetector(4, 10);

    @Test
    void anOrdinaryWeekRaisesNoAlarmEvenAtItsBusiestHours() {
        for (long seed = 1; seed <= 20; seed++) {
            List<CrisisDetector.Episode> episodes = detector.episodes(ordinaryWeeks(seed), START, WEEK_UNDER_WATCH,
                    WEEK_UNDER_WATCH.plus(Duration.ofDays(7)));
            assertEquals(List.of(), episodes, "seed " + seed);
        }
    }

    @Test
    void aBadBuzzAtNightIsOneEpisodeWithItsStartEndAndPeak() {
        Map<Instant, Long> counts = ordinaryWeeks(7);
        Instant night = Instant.parse("2026-11-18T02:00:00Z");
        counts.put(night, 25L);
        counts.put(night.plus(Duration.ofHours(1)), 140L);
        counts.put(night.plus(Duration.ofHours(2)), 60L);

        List<CrisisDetector.Episode> episodes = detector.episodes(counts, START, WEEK_UNDER_WATCH,
                WEEK_UNDER_WATCH.plus(Duration.ofDays(7)));

        CrisisDetector.Episode buzz = episodes.stream().filter(e -> e.start().equals(night)).findFirst().orElseThrow();
        assertEquals(night.plus(Duration.ofHours(3)), buzz.end());
        assertEquals(night.plus(Duration.ofHours(1)), buzz.peak());
        assertEquals(140, buzz.peakMentions());
        assertEquals(225, buzz.mentions());
        assertTrue(buzz.expectedAtPeak() < 3, "night baseline is about 1");
    }

    @Test
    void theSameVolumeAtTheUsualRushHourIsNotACrisis() {
        Map<Instant, Long> counts = ordinaryWeeks(7);
        Instant lunch = Instant.parse("2026-11-18T12:00:00Z");
        counts.put(lunch, 60L);
        assertEquals(null, detector.score(counts, START, lunch));
    }

    @Test
    void smallVolumesNeverAlarmAndNewBrandsGetNoVerdict() {
        Map<Instant, Long> counts = new HashMap<>();
        Instant hour = Instant.parse("2026-11-18T02:00:00Z");
        counts.put(hour, 9L);
        assertEquals(null, detector.score(counts, START, hour), "below the minimum volume");
        counts.put(hour, 500L);
        assertEquals(null, detector.score(counts, hour.minus(Duration.ofDays(8)), hour), "one week of history only");
        assertTrue(detector.score(counts, hour.minus(Duration.ofDays(15)), hour) != null, "two weeks of calm, then 500");
    }
}
