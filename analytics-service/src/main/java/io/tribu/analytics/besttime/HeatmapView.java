package io.tribu.analytics.besttime;

import io.tribu.analytics.csv.CsvTable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Day-of-week x hour heatmap (168 cells, Monday 0 h first) of the posts published in the period:
 * {@code posts} and {@code averageEngagement} of the channel (or brand) in each cell, and the
 * {@code score} best-slots ranks by, on {@code basis}.
 */
public record HeatmapView(String brandId, String channelId, Instant from, Instant to, String timezone,
                          String basis, int minimumPosts, Double averageEngagement, List<Cell> cells)
        implements CsvTable {

    public record Cell(String dayOfWeek, int hour, long posts, Double averageEngagement, double score) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("dayOfWeek", "hour", "posts", "averageEngagement", "score");
    }

    @Override
    public List<List<Object>> csvRows() {
        return cells.stream().map(cell -> Arrays.<Object>asList(cell.dayOfWeek(), cell.hour(), cell.posts(),
                cell.averageEngagement(), cell.score())).toList();
    }
}
