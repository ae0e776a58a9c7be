package io.tribu.analytics.mention;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/** Mentions of a brand in a period, split by one dimension, largest first. */
public record MentionBreakdownView(String brandId, Instant from, Instant to, String by,
                                   List<MentionVolumeService.Slice> slices) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of(by, "mentions", "reach");
    }

    @Override
    public List<List<Object>> csvRows() {
        return slices.stream().map(slice -> List.<Object>of(slice.value(), slice.mentions(), slice.reach())).toList();
    }
}
