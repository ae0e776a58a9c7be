package io.tribu.analytics.besttime;

import java.time.DayOfWeek;

/**
 * The ordering used when a brand has no engagement data yet ({@code basis: "default"}): a weight in
 * [0, 1] per local hour, after the usual peaks of social audiences (evening 18–20 h, lunch 12–13 h,
 * morning commute 8–9 h, nothing at night), weekdays slightly above weekends. Also breaks ties
 * between equally scored slots.
 */
final class CommonHours {

    private static final double[] HOURS = {
            0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, // 0–7 h
            0.60, 0.65, 0.55, 0.60, 0.85, 0.80, 0.50, 0.45, // 8–15 h
            0.55, 0.75, 1.00, 0.95, 0.90, 0.70, 0.40, 0.15  // 16–23 h
    };
    private static final double WEEKEND = 0.85;

    private CommonHours() {
    }

    static double weight(DayOfWeek day, int hour) {
        double weight = HOURS[hour] * (day.getValue() >= 6 ? WEEKEND : 1.0);
        return Math.round(weight * 100.0) / 100.0;
    }
}
