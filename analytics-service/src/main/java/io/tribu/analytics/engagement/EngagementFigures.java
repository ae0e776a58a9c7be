package io.tribu.analytics.engagement;

import java.util.List;

/**
 * Engagement of a set of posts: counts summed over their latest snapshots, {@code engagement} =
 * likes + comments + shares, the average per post, and the engagement rate = engagement / impressions
 * over the posts whose network tells impressions (null when none does).
 */
public record EngagementFigures(long posts, long likes, long comments, long shares, Long impressions,
                                long engagement, Double averageEngagement, Double engagementRate) {

    public static final List<String> CSV_HEADER = List.of("posts", "likes", "comments", "shares", "impressions",
            "engagement", "averageEngagement", "engagementRate");

    public List<Object> csvCells() {
        return java.util.Arrays.asList(posts, likes, comments, shares, impressions, engagement, averageEngagement,
                engagementRate);
    }

    static Double rate(long engagement, long impressions) {
        return impressions > 0 ? Math.round(engagement * 10_000.0 / impressions) / 10_000.0 : null;
    }

    /** Sums of the SQL columns {@link PostEngagementService#FIGURES}, added up bucket by bucket. */
    static final class Tally {
        long posts;
        long likes;
        long comments;
        long shares;
        Long impressions;
        long ratedEngagement;
        long ratedImpressions;

        /** Reads the 7 {@code FIGURES} columns starting at {@code at}. */
        Tally add(Object[] row, int at) {
            posts += number(row[at]);
            likes += number(row[at + 1]);
            comments += number(row[at + 2]);
            shares += number(row[at + 3]);
            if (row[at + 4] != null) {
                impressions = (impressions == null ? 0 : impressions) + number(row[at + 4]);
            }
            ratedEngagement += number(row[at + 5]);
            ratedImpressions += number(row[at + 6]);
            return this;
        }

        EngagementFigures figures() {
            long engagement = likes + comments + shares;
            return new EngagementFigures(posts, likes, comments, shares, impressions, engagement,
                    posts == 0 ? null : Math.round(engagement * 100.0 / posts) / 100.0,
                    rate(ratedEngagement, ratedImpressions));
        }

        private static long number(Object value) {
            return value == null ? 0L : ((Number) value).longValue();
        }
    }
}
