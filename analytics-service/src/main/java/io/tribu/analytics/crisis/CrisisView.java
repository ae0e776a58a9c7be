package io.tribu.analytics.crisis;

import java.time.Instant;
import java.util.List;

/** Volume anomalies of a brand in a period, grouped into episodes, newest last. */
public record CrisisView(String brandId, Instant from, Instant to, double sensitivity, long minimumMentions,
                         int baselineWeeks, List<CrisisDetector.Episode> episodes) {
}
