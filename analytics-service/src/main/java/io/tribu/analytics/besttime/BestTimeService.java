package io.tribu.analytics.besttime;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.config.AnalyticsConfig;
import io.tribu.analytics.engagement.PostEngagementService;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Best time to post: the week-hour heatmap of past engagement and the best concrete slots ahead. */
@ApplicationScoped
public class BestTimeService {

    private final PostEngagementService engagement;
    private final int minimumPosts;
    private final Duration history;
    private final Clock clock;

    public BestTimeService(PostEngagementService engagement,
                           AnalyticsConfig config, Clock clock) {
        this.engagement = engagement;
        this.minimumPosts = config.bestTime().minimumPosts();
        this.history = Duration.ofDays(config.bestTime().historyDays());
        this.clock = clock;
    }

    public Duration history() {
        return history;
    }

    public Uni<WeekHourScores> scores(String tenant, String brandId, ReportingPeriod period, UUID channelId, ZoneId zone) {
        return engagement.weekHours(tenant, brandId, period, channelId, zone)
                .map(rows -> new WeekHourScores(rows, channelId != null, minimumPosts));
    }

    public Uni<HeatmapView> heatmap(String tenant, String brandId, ReportingPeriod period, UUID channelId, ZoneId zone) {
        return scores(tenant, brandId, period, channelId, zone).map(scores -> {
            List<HeatmapView.Cell> cells = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                for (int hour = 0; hour < 24; hour++) {
                    cells.add(new HeatmapView.Cell(day.name(), hour, scores.shownPosts(day, hour),
                            scores.shownAverage(day, hour), scores.score(day, hour).score()));
                }
            }
            return new HeatmapView(brandId, channelId == null ? null : channelId.toString(), period.from(), period.to(),
                    zone.getId(), scores.basis(), scores.minimum(), scores.levelAverage(), cells);
        });
    }

    /**
     * The {@code count} best hour starts (local whole hours of the zone) in [from, to), scored from the
     * posts published over the {@code history} before now; ties go to the more common hour, then the earlier.
     */
    public Uni<BestSlotsView> bestSlots(String tenant, String brandId, UUID channelId, ZoneId zone, Instant from,
                                        Instant to, int count) {
        Instant now = clock.instant();
        ReportingPeriod past = new ReportingPeriod(now.minus(history), now);
        return scores(tenant, brandId, past, channelId, zone).map(scores -> {
            List<Candidate> candidates = new ArrayList<>();
            ZonedDateTime cursor = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
            if (cursor.toInstant().isBefore(from)) {
                cursor = cursor.plusHours(1);
            }
            for (; cursor.toInstant().isBefore(to); cursor = cursor.plusHours(1)) {
                candidates.add(new Candidate(cursor, scores.score(cursor.getDayOfWeek(), cursor.getHour()),
                        CommonHours.weight(cursor.getDayOfWeek(), cursor.getHour())));
            }
            List<BestSlotsView.Slot> slots = candidates.stream()
                    .sorted(Comparator.comparingDouble((Candidate candidate) -> candidate.score().score()).reversed()
                            .thenComparing(Comparator.comparingDouble(Candidate::commonWeight).reversed())
                            .thenComparing(candidate -> candidate.start().toInstant()))
                    .limit(count)
                    .map(candidate -> new BestSlotsView.Slot(
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(candidate.start().toOffsetDateTime()),
                            candidate.start().getDayOfWeek().name(), candidate.start().getHour(),
                            candidate.score().score(), candidate.score().posts(), candidate.score().basis()))
                    .toList();
            return new BestSlotsView(brandId, channelId == null ? null : channelId.toString(), zone.getId(), slots);
        });
    }

    private record Candidate(ZonedDateTime start, WeekHourScores.Score score, double commonWeight) {
    }
}
