package io.tribu.analytics.mention;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/** Mentions of a brand in a period, with the hourly breakdown (UTC hours). */
public record MentionVolumeView(String brandId, Instant from, Instant to, long total,
                                List<MentionVolumeService.HourlyVolume> hours) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("start", "mentions");
    }

    @Override
    public List<List<Object>> csvRows() {
        return hours.stream().map(hour -> List.<Object>of(hour.start(), hour.mentions())).toList();
    }
}
