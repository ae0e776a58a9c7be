package io.tribu.analytics.besttime;

import java.time.DayOfWeek;
import java.util.List;

/**
 * How good each day-of-week x hour cell (local time of publication) is for posting, from the average
 * engagement per post published in it.
 * <ul>
 *   <li>The data level ({@code basis}) is the requested channel when it has at least {@code minimum}
 *   collected posts in the history, else the whole brand when it has, else {@code default}.</li>
 *   <li>A cell with at least {@code minimum} posts scores its own average engagement per post. A cell
 *   with fewer is padded up to {@code minimum} posts at the level's overall average:
 *   {@code (sum + (minimum − n) × levelAverage) / minimum}, so one lucky post cannot win and an empty
 *   cell scores the level's average.</li>
 *   <li>{@code default}: the {@link CommonHours} weight, posts 0.</li>
 * </ul>
 */
public final class WeekHourScores {

    public static final String CHANNEL = "channel";
    public static final String BRAND = "brand";
    public static final String DEFAULT = "default";

    public record Score(double score, long posts, String basis) {
    }

    private final long[][] posts = new long[8][24];
    private final long[][] engagement = new long[8][24];
    private final long[][] shownPosts = new long[8][24];
    private final long[][] shownEngagement = new long[8][24];
    private final String basis;
    private final double levelAverage;
    private final int minimum;

    /**
     * @param rows {@code [isoDayOfWeek, hour, brandPosts, brandEngagement, channelPosts, channelEngagement]}
     * @param channelRequested whether the channel columns hold a channel's figures
     */
    public WeekHourScores(List<long[]> rows, boolean channelRequested, int minimum) {
        this.minimum = minimum;
        long channelTotal = rows.stream().mapToLong(row -> row[4]).sum();
        long brandTotal = rows.stream().mapToLong(row -> row[2]).sum();
        boolean channelLevel = channelRequested && channelTotal >= minimum;
        basis = channelLevel ? CHANNEL : brandTotal >= minimum ? BRAND : DEFAULT;
        int column = channelLevel ? 4 : 2;
        int shownColumn = channelRequested ? 4 : 2;
        long levelPosts = 0;
        long levelEngagement = 0;
        for (long[] row : rows) {
            int day = (int) row[0];
            int hour = (int) row[1];
            posts[day][hour] = row[column];
            engagement[day][hour] = row[column + 1];
            shownPosts[day][hour] = row[shownColumn];
            shownEngagement[day][hour] = row[shownColumn + 1];
            levelPosts += row[column];
            levelEngagement += row[column + 1];
        }
        levelAverage = levelPosts == 0 ? 0 : (double) levelEngagement / levelPosts;
    }

    public String basis() {
        return basis;
    }

    public int minimum() {
        return minimum;
    }

    /** The level's average engagement per post, null under the default basis. */
    public Double levelAverage() {
        return DEFAULT.equals(basis) ? null : round(levelAverage);
    }

    public Score score(DayOfWeek day, int hour) {
        if (DEFAULT.equals(basis)) {
            return new Score(CommonHours.weight(day, hour), 0, basis);
        }
        long n = posts[day.getValue()][hour];
        long sum = engagement[day.getValue()][hour];
        double score = n >= minimum ? (double) sum / n : (sum + (minimum - n) * levelAverage) / minimum;
        return new Score(round(score), n, basis);
    }

    /** Posts of the requested level (the channel when one was asked for, else the brand) in the cell. */
    public long shownPosts(DayOfWeek day, int hour) {
        return shownPosts[day.getValue()][hour];
    }

    /** Their average engagement per post, null without posts. */
    public Double shownAverage(DayOfWeek day, int hour) {
        long n = shownPosts[day.getValue()][hour];
        return n == 0 ? null : round((double) shownEngagement[day.getValue()][hour] / n);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
