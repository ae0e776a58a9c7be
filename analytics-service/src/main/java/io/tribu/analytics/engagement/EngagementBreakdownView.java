package io.tribu.analytics.engagement;

import io.tribu.analytics.csv.CsvTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Engagement per channel, content type or tag, largest first. */
public record EngagementBreakdownView(String brandId, Instant from, Instant to, UUID channelId, String by,
                                      List<PostEngagementService.Slice> slices) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("value", "network"));
        header.addAll(EngagementFigures.CSV_HEADER);
        return header;
    }

    @Override
    public List<List<Object>> csvRows() {
        return slices.stream().map(slice -> {
            List<Object> row = new ArrayList<>();
            row.add(slice.value());
            row.add(slice.network());
            row.addAll(slice.figures().csvCells());
            return row;
        }).toList();
    }
}
