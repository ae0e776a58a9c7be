package io.tribu.analytics.crisis;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/**
 * Anomalies of a brand in a period, oldest first: {@code episodes} on mention volume,
 * {@code negativeShareEpisodes} on the share of negative mentions; each with its driving mentions.
 */
public record CrisisView(String brandId, Instant from, Instant to, double sensitivity, long minimumMentions,
                         int baselineWeeks, List<CrisisService.VolumeEpisode> episodes,
                         List<CrisisService.NegativeShareEpisode> negativeShareEpisodes) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("kind", "start", "end", "peak", "mentions", "observedAtPeak", "usualAtPeak", "topMention");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        episodes.forEach(e -> rows.add(java.util.Arrays.asList("volume", e.start(), e.end(), e.peak(), e.mentions(),
                e.peakMentions(), e.expectedAtPeak(), e.topMentions().isEmpty() ? null : e.topMentions().get(0).text())));
        negativeShareEpisodes.forEach(e -> rows.add(java.util.Arrays.asList("negative-share", e.start(), e.end(), e.peak(),
                e.negative(), e.peakShare(), e.usualShareAtPeak(),
                e.topMentions().isEmpty() ? null : e.topMentions().get(0).text())));
        return rows;
    }
}
