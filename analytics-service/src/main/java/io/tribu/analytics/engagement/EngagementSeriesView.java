package io.tribu.analytics.engagement;

import io.tribu.analytics.csv.CsvTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Engagement of the posts published in each bucket of the period, with the period's total. */
public record EngagementSeriesView(String brandId, Instant from, Instant to, UUID channelId, String granularity,
                                   String timeZone, EngagementFigures total, List<PostEngagementService.Bucket> buckets)
        implements CsvTable {

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("start"));
        header.addAll(EngagementFigures.CSV_HEADER);
        return header;
    }

    @Override
    public List<List<Object>> csvRows() {
        return buckets.stream().map(bucket -> {
            List<Object> row = new ArrayList<>();
            row.add(bucket.start());
            row.addAll(bucket.figures().csvCells());
            return row;
        }).toList();
    }
}
