package io.tribu.publishing.calendar;

import io.tribu.publishing.campaign.CampaignView;
import io.tribu.publishing.post.Post;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The brand's calendar between two instants, as days of its time zone: only days with a post or a
 * seasonal marker are listed, earliest first. Campaigns overlapping the range are listed once.
 */
public record CalendarView(String brandId, String timezone, Instant from, Instant to, List<CampaignView> campaigns,
                           List<Day> days) {

    public record Day(LocalDate date, List<Entry> posts, List<SeasonalMarker> markers) {
    }

    /** A post as the calendar shows it; {@code localTime} is plannedAt in the calendar's zone. */
    public record Entry(UUID id, String title, @Schema(enumeration = {"draft", "in-review", "approved", "scheduled", "publishing", "published", "failed"}) String status,
                        Instant plannedAt, LocalTime localTime,
                        List<String> networks, List<String> tags, UUID campaignId) {

        static Entry of(Post post, ZoneId zone) {
            return new Entry(post.id, post.title, post.status, post.plannedAt,
                    post.plannedAt.atZone(zone).toLocalTime(),
                    post.variants.stream().map(variant -> variant.network).toList(), List.of(post.tags),
                    post.campaignId);
        }
    }
}
