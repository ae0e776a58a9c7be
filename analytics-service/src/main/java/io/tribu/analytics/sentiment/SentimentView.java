package io.tribu.analytics.sentiment;

import java.time.Instant;
import java.util.List;

/** Volume, reach and sentiment of a brand's mentions over time, with the period's totals. */
public record SentimentView(String brandId, Instant from, Instant to, String granularity, String timeZone,
                            SentimentCounts total, List<SentimentService.Bucket> buckets) {
}
