package io.tribu.analytics.sentiment;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/** Sentiment of a brand's mentions in a period, by source, language or listening query; largest first. */
public record SentimentBreakdownView(String brandId, Instant from, Instant to, String by,
                                     List<SentimentService.Slice> slices) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of(by, "name", "mentions", "reach", "positive", "neutral", "negative", "unscored", "net");
    }

    @Override
    public List<List<Object>> csvRows() {
        return slices.stream().map(slice -> {
            List<Object> row = new java.util.ArrayList<>(SentimentCounts.cells(slice.value(), slice.counts()));
            row.add(1, slice.name());
            return (List<Object>) row;
        }).toList();
    }
}
