package io.tribu.analytics.besttime;

import io.tribu.analytics.csv.CsvTable;

import java.util.List;

/**
 * The best concrete hour slots to post, best first: the shape publishing's AnalyticsClient reads.
 * {@code start} is an ISO-8601 date-time with the zone's offset, seconds included.
 */
public record BestSlotsView(String brandId, String channelId, String timezone, List<Slot> slots) implements CsvTable {

    public record Slot(String start, String dayOfWeek, int hour, double score, long posts, String basis) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("start", "dayOfWeek", "hour", "score", "posts", "basis");
    }

    @Override
    public List<List<Object>> csvRows() {
        return slots.stream().map(slot -> List.<Object>of(slot.start(), slot.dayOfWeek(), slot.hour(), slot.score(),
                slot.posts(), slot.basis())).toList();
    }
}
