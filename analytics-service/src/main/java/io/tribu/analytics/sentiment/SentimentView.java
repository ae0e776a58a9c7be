package io.tribu.analytics.sentiment;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/** Volume, reach and sentiment of a brand's mentions over time, with the period's totals. */
public record SentimentView(String brandId, Instant from, Instant to, String granularity, String timeZone,
                            SentimentCounts total, List<SentimentService.Bucket> buckets) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("start", "mentions", "reach", "positive", "neutral", "negative", "unscored", "net");
    }

    @Override
    public List<List<Object>> csvRows() {
        return buckets.stream().map(bucket -> SentimentCounts.cells(bucket.start(), bucket.counts())).toList();
    }
}
