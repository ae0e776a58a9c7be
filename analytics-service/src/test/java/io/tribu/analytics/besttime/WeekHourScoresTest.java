package io.tribu.analytics.besttime;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WeekHourScoresTest {

    // [isoDayOfWeek, hour, brandPosts, brandEngagement, channelPosts, channelEngagement]
    static final List<long[]> ROWS = List.of(
            new long[]{2, 18, 4, 400, 3, 300},   // Tuesday 18 h: channel 3 posts, 100 each
            new long[]{3, 9, 3, 30, 3, 30},      // Wednesday 9 h: 10 each
            new long[]{5, 12, 1, 200, 1, 200});  // Friday 12 h: a single lucky post

    @Test
    void aCellWithEnoughPostsScoresItsAverage() {
        WeekHourScores scores = new WeekHourScores(ROWS, true, 3);
        assertEquals("channel", scores.basis());
        assertEquals(new WeekHourScores.Score(100.0, 3, "channel"), scores.score(DayOfWeek.TUESDAY, 18));
        assertEquals(new WeekHourScores.Score(10.0, 3, "channel"), scores.score(DayOfWeek.WEDNESDAY, 9));
    }

    @Test
    void aThinCellIsPaddedWithTheLevelAverageAndAnEmptyOneScoresIt() {
        WeekHourScores scores = new WeekHourScores(ROWS, true, 3);
        double average = 530.0 / 7;   // the channel's 7 posts
        assertEquals(WeekHourScores.round(average), scores.levelAverage());
        // One post of 200 and two of the average: (200 + 2 × 75.71) / 3.
        assertEquals(new WeekHourScores.Score(WeekHourScores.round((200 + 2 * average) / 3), 1, "channel"),
                scores.score(DayOfWeek.FRIDAY, 12));
        assertEquals(new WeekHourScores.Score(WeekHourScores.round(average), 0, "channel"),
                scores.score(DayOfWeek.SUNDAY, 3));
    }

    @Test
    void aChannelWithTooFewPostsFallsBackToTheBrand() {
        List<long[]> rows = List.of(new long[]{2, 18, 5, 500, 1, 50}, new long[]{4, 20, 2, 20, 1, 10});
        WeekHourScores scores = new WeekHourScores(rows, true, 3);
        assertEquals("brand", scores.basis());
        assertEquals(new WeekHourScores.Score(100.0, 5, "brand"), scores.score(DayOfWeek.TUESDAY, 18));
        // The heatmap still shows the channel's own posts.
        assertEquals(1, scores.shownPosts(DayOfWeek.TUESDAY, 18));
        assertEquals(50.0, scores.shownAverage(DayOfWeek.TUESDAY, 18));
    }

    @Test
    void noDataAtAllFallsBackToCommonHours() {
        WeekHourScores scores = new WeekHourScores(List.of(new long[]{1, 10, 2, 40, 0, 0}), true, 3);
        assertEquals("default", scores.basis());
        assertEquals(new WeekHourScores.Score(1.0, 0, "default"), scores.score(DayOfWeek.TUESDAY, 18));
        assertEquals(new WeekHourScores.Score(0.85, 0, "default"), scores.score(DayOfWeek.SATURDAY, 18));
        assertEquals(new WeekHourScores.Score(0.02, 0, "default"), scores.score(DayOfWeek.MONDAY, 3));
    }
}
