package io.tribu.analytics.agency;

import io.tribu.analytics.csv.CsvTable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The caller's brands at a glance over [from, to): brands with an ongoing anomaly first, then by mentions. As CSV, one
 * row per brand.
 */
public record AgencyOverviewView(String tenant, Instant from, Instant to, Instant previousFrom,
                                 List<AgencyOverviewService.BrandOverview> brands) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("brandId", "name", "mentions", "previousMentions", "negative", "scored", "negativeShare", "alarm",
                "volumeEpisodes", "negativeShareEpisodes");
    }

    @Override
    public List<List<Object>> csvRows() {
        return brands.stream().map(b -> Arrays.<Object>asList(b.brandId(), b.name(), b.mentions(), b.previousMentions(),
                b.negative(), b.scored(), b.negativeShare(), b.alarm(),
                b.anomalies().stream().filter(a -> a.kind().equals("volume")).count(),
                b.anomalies().stream().filter(a -> a.kind().equals("negative-share")).count())).toList();
    }
}
