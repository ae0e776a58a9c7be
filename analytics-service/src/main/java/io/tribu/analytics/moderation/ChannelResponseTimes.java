package io.tribu.analytics.moderation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response times of one channel's interactions (or of all of them: the brand's figures). */
@Schema(name = "ChannelResponseTimes")
public record ChannelResponseTimes(
        @Schema(description = "The items' source, as the inbox's source filter names it (facebook, instagram, mastodon, "
                + "bluesky, youtube, google_business, or a generic webhook channel's name); null for items whose "
                + "decisions did not name it (recorded before moderation sent it)", nullable = true, examples = "youtube")
        String channel,
        @Schema(description = "Interactions posted in the period and answered") long answered,
        @Schema(description = "Median seconds to the first response; null when none was answered", nullable = true)
        Double medianSeconds,
        @Schema(description = "90th percentile of the seconds to the first response", nullable = true) Double p90Seconds,
        @Schema(description = "Average seconds to the first response", nullable = true) Double averageSeconds,
        @Schema(description = "Share of the answered ones answered within the SLA (0 to 1)", nullable = true)
        Double withinSlaShare) {

    /** A row of the figures' statement: channel, answered, median, p90, average, answered within the SLA. */
    static ChannelResponseTimes of(Object[] row) {
        long answered = ((Number) row[1]).longValue();
        long withinSla = ((Number) row[5]).longValue();
        return new ChannelResponseTimes((String) row[0], answered, number(row[2]), number(row[3]), number(row[4]),
                answered == 0 ? null : (double) withinSla / answered);
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
