package io.tribu.analytics.sentiment;

/**
 * Mentions split by sentiment label, with the authors' reach. {@code net} is (positive − negative) /
 * (positive + neutral + negative): mentions without a sentiment (other languages, older events) are
 * left out of it; null when no mention was scored.
 */
public record SentimentCounts(long mentions, long reach, long positive, long neutral, long negative, long unscored,
                              Double net) {

    public static SentimentCounts of(long reach, long positive, long neutral, long negative, long unscored) {
        long scored = positive + neutral + negative;
        Double net = scored == 0 ? null : Math.round((positive - negative) * 10_000.0 / scored) / 10_000.0;
        return new SentimentCounts(scored + unscored, reach, positive, neutral, negative, unscored, net);
    }

    /** The CSV cells of these counts after a first label cell (a bucket start or a slice value). */
    static java.util.List<Object> cells(Object label, SentimentCounts c) {
        return java.util.Arrays.asList(label, c.mentions(), c.reach(), c.positive(), c.neutral(), c.negative(),
                c.unscored(), c.net());
    }

    /** Adds one row of an aggregate (a label with its mentions and reach). */
    static final class Tally {
        long reach;
        long positive;
        long neutral;
        long negative;
        long unscored;

        void add(String label, long mentions, long rowReach) {
            reach += rowReach;
            switch (label) {
                case "positive" -> positive += mentions;
                case "neutral" -> neutral += mentions;
                case "negative" -> negative += mentions;
                default -> unscored += mentions;
            }
        }

        SentimentCounts counts() {
            return SentimentCounts.of(reach, positive, neutral, negative, unscored);
        }
    }
}
