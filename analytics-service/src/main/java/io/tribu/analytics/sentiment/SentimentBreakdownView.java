package io.tribu.analytics.sentiment;

import java.time.Instant;
import java.util.List;

/** Sentiment of a brand's mentions in a period, by source, language or listening query; largest first. */
public record SentimentBreakdownView(String brandId, Instant from, Instant to, String by,
                                     List<SentimentService.Slice> slices) {
}
