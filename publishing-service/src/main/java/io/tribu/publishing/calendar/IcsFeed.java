package io.tribu.publishing.calendar;

import io.tribu.publishing.post.Post;
import io.tribu.publishing.post.PostStatus;
import io.tribu.publishing.post.PostVariant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A brand's calendar as an iCalendar document: one VEVENT per post (UID = post id, DTSTART in UTC,
 * 15 minutes long) and one all-day VEVENT per seasonal marker.
 */
final class IcsFeed {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private IcsFeed() {
    }

    static String of(String brandId, CalendarService.Content content, Instant generatedAt) {
        String stamp = UTC.format(generatedAt.truncatedTo(ChronoUnit.SECONDS));
        IcsWriter ics = new IcsWriter()
                .raw("BEGIN", "VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//Tribu//Publishing calendar//FR")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Tribu · " + brandId)
                .text("X-WR-TIMEZONE", content.window().zone().getId());
        for (Post post : content.posts()) {
            ics.raw("BEGIN", "VEVENT")
                    .raw("UID", post.id.toString())
                    .raw("DTSTAMP", stamp)
                    .raw("DTSTART", UTC.format(post.plannedAt))
                    .raw("DURATION", "PT15M")
                    .text("SUMMARY", post.title)
                    .text("DESCRIPTION", description(post))
                    .raw("STATUS", confirmed(post) ? "CONFIRMED" : "TENTATIVE");
            if (post.tags.length > 0) {
                ics.raw("CATEGORIES", Arrays.stream(post.tags).map(IcsWriter::escape).collect(Collectors.joining(",")));
            }
            ics.raw("END", "VEVENT");
        }
        for (SeasonalMarker marker : content.markers()) {
            ics.raw("BEGIN", "VEVENT")
                    .raw("UID", marker.key() + "-" + DATE.format(marker.date()) + "-" + brandId + "@seasonal.tribu.io")
                    .raw("DTSTAMP", stamp)
                    .raw("DTSTART;VALUE=DATE", DATE.format(marker.date()))
                    .raw("DTEND;VALUE=DATE", DATE.format(marker.endDate().plusDays(1)))
                    .text("SUMMARY", marker.name())
                    .raw("TRANSP", "TRANSPARENT")
                    .raw("CATEGORIES", "seasonal")
                    .raw("END", "VEVENT");
        }
        return ics.raw("END", "VCALENDAR").toString();
    }

    private static boolean confirmed(Post post) {
        PostStatus status = PostStatus.fromWire(post.status);
        return status == PostStatus.SCHEDULED || status == PostStatus.PUBLISHING || status == PostStatus.PUBLISHED;
    }

    private static String description(Post post) {
        StringBuilder text = new StringBuilder("Status: ").append(post.status);
        for (PostVariant variant : post.variants) {
            text.append("\n\n").append(variant.network).append(":\n").append(variant.text);
        }
        return text.toString();
    }
}
