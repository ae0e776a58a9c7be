package io.tribu.publishing.calendar;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.brand.BrandSettings;
import io.tribu.publishing.campaign.CampaignService;
import io.tribu.publishing.campaign.CampaignView;
import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Builds a brand's calendar: its posts, campaigns and the seasonal markers of a range, per local day. */
@ApplicationScoped
public class CalendarService {

    /** What a calendar request asks for, once its parameters are read. */
    public record Query(String fromParam, String toParam, String tzParam, List<UUID> campaigns, List<String> tags,
                        Locale language, int limit) {
    }

    /** The posts and markers of a window, before they are cut into days. */
    public record Content(CalendarWindow window, List<Post> posts, List<CampaignView> campaigns,
                          List<SeasonalMarker> markers) {
    }

    private final BrandSettings settings;
    private final PostRepository posts;
    private final CampaignService campaigns;
    private final Clock clock;

    public CalendarService(BrandSettings settings, PostRepository posts, CampaignService campaigns, Clock clock) {
        this.posts = posts;
        this.settings = settings;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @WithSession
    public Uni<CalendarView> calendar(String tenant, String brandId, Query query) {
        return content(tenant, brandId, query).map(content -> byDay(brandId, content));
    }

    /** Runs in the caller's session (the iCalendar feed shares it). */
    public Uni<Content> content(String tenant, String brandId, Query query) {
        return settings.zone(tenant, brandId, query.tzParam()).chain(zone -> {
            CalendarWindow window = CalendarWindow.parse(query.fromParam(), query.toParam(), zone, clock.instant());
            return posts.inCalendar(tenant, brandId, window.from(), window.to(), query.campaigns(), query.tags(),
                            query.limit())
                    .chain(posts -> campaigns.overlapping(tenant, brandId, window.firstDay(), window.lastDay())
                            .map(found -> new Content(window, posts,
                                    found.stream().map(CampaignView::of).toList(),
                                    SeasonalEvents.between(window.firstDay(), window.lastDay(), query.language()))));
        });
    }

    private static CalendarView byDay(String brandId, Content content) {
        ZoneId zone = content.window().zone();
        Map<LocalDate, List<CalendarView.Entry>> posts = new TreeMap<>();
        for (Post post : content.posts()) {
            posts.computeIfAbsent(post.plannedAt.atZone(zone).toLocalDate(), day -> new ArrayList<>())
                    .add(CalendarView.Entry.of(post, zone));
        }
        Map<LocalDate, List<SeasonalMarker>> markers = new TreeMap<>();
        content.markers().forEach(marker -> markers.computeIfAbsent(marker.date(), day -> new ArrayList<>()).add(marker));
        TreeMap<LocalDate, CalendarView.Day> days = new TreeMap<>();
        posts.keySet().forEach(day -> days.put(day, null));
        markers.keySet().forEach(day -> days.put(day, null));
        days.replaceAll((day, ignored) -> new CalendarView.Day(day, posts.getOrDefault(day, List.of()),
                markers.getOrDefault(day, List.of())));
        return new CalendarView(brandId, zone.getId(), content.window().from(), content.window().to(),
                content.campaigns(), List.copyOf(days.values()));
    }
}
