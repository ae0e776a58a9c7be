package io.tribu.analytics.dashboard;

import io.tribu.analytics.author.AuthorsView;
import io.tribu.analytics.besttime.HeatmapView;
import io.tribu.analytics.crisis.CrisisView;
import io.tribu.analytics.csv.CsvTable;
import io.tribu.analytics.drivers.DriversView;
import io.tribu.analytics.engagement.EngagementBreakdownView;
import io.tribu.analytics.engagement.EngagementSeriesView;
import io.tribu.analytics.engagement.PostEngagementView;
import io.tribu.analytics.moderation.ResponseTimes;
import io.tribu.analytics.moderation.ResponseTimesBreakdownView;
import io.tribu.analytics.review.ReviewRatingsView;
import io.tribu.analytics.sentiment.SentimentView;
import io.tribu.analytics.voice.ShareOfVoiceView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the brand's dashboard draws for one period, in one answer. Each section has the shape of the endpoint
 * that measures it alone (same fields, same CSV under {@code csv}); {@code current} and {@code previous} are the
 * headline figures of the period and of the period of the same length just before it. As CSV, the dashboard is
 * that comparison (one row per figure).
 */
public record DashboardView(String brandId, String brandName, Instant from, Instant to, String timeZone,
                            String granularity, KeyFigures current, KeyFigures previous, SentimentView sentiment,
                            CrisisView crises, ShareOfVoiceView shareOfVoice, DriversView drivers, AuthorsView authors,
                            ResponseTimes responseTimes, ResponseTimesBreakdownView responseTimesByChannel,
                            Map<String, Long> decisions, EngagementSeriesView engagement,
                            EngagementBreakdownView engagementByChannel, EngagementBreakdownView engagementByContentType,
                            EngagementBreakdownView engagementByTag, PostEngagementView topPosts, HeatmapView bestTime,
                            ReviewRatingsView reviewRatings,
                            @Schema(description = "Per section, the relative link of its CSV (the section's own endpoint "
                                    + "with this period and `format=csv`)")
                            Map<String, String> csv) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("figure", "current", "previous");
    }

    @Override
    public List<List<Object>> csvRows() {
        return List.of(
                row("from", current.from(), previous.from()),
                row("to", current.to(), previous.to()),
                row("mentions", current.mentions(), previous.mentions()),
                row("reach", current.reach(), previous.reach()),
                row("positive", current.positive(), previous.positive()),
                row("neutral", current.neutral(), previous.neutral()),
                row("negative", current.negative(), previous.negative()),
                row("unscored", current.unscored(), previous.unscored()),
                row("net", current.net(), previous.net()),
                row("shareOfVoice", current.shareOfVoice(), previous.shareOfVoice()),
                row("answered", current.answered(), previous.answered()),
                row("medianResponseSeconds", current.medianResponseSeconds(), previous.medianResponseSeconds()),
                row("withinSlaShare", current.withinSlaShare(), previous.withinSlaShare()),
                row("decisions", current.decisions(), previous.decisions()),
                row("posts", current.posts(), previous.posts()),
                row("engagement", current.engagement(), previous.engagement()),
                row("engagementRate", current.engagementRate(), previous.engagementRate()));
    }

    private static List<Object> row(String figure, Object current, Object previous) {
        return Arrays.asList(figure, current, previous);
    }
}
