package io.tribu.listening.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A source as the API shows it; a webhook's secret is shown once, in the answer that created it; a YouTube source's API
 * key never.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(UUID id, String brandId,
                         @Schema(enumeration = {"rss", "mastodon", "bluesky", "youtube", "webhook"}) String type, String url, String hashtag, Integer pollIntervalSeconds,
                         boolean ownedChannel, boolean enabled, Instant nextPollAt, Instant lastPolledAt,
                         String lastStatus, String lastError, Instant lastErrorAt, String webhookPath,
                         String webhookSecret,
                         @Schema(description = "youtube: the search terms") String query,
                         @Schema(description = "youtube: the YouTube quota day (Pacific time) quotaUsed counts for")
                         LocalDate quotaDay,
                         @Schema(description = "youtube: quota units spent on quotaDay (100 a search), of the daily budget "
                                 + "tribu.sources.youtube.daily-units") Integer quotaUsed) {

    static SourceView of(Source source) {
        boolean webhook = "webhook".equals(source.type);
        boolean youtube = "youtube".equals(source.type);
        return new SourceView(source.id, source.brandId, source.type, source.url, source.hashtag,
                webhook ? null : source.pollIntervalSeconds, source.ownedChannel, source.enabled,
                webhook ? null : source.nextPollAt, source.lastPolledAt, source.lastStatus, source.lastError,
                source.lastErrorAt, webhook ? "/webhooks/sources/" + source.id : null, null,
                source.query, youtube ? source.quotaDay : null, youtube ? source.quotaUsed : null);
    }

    static SourceView created(Source source) {
        SourceView view = of(source);
        return new SourceView(view.id(), view.brandId(), view.type(), view.url(), view.hashtag(), view.pollIntervalSeconds(),
                view.ownedChannel(), view.enabled(), view.nextPollAt(), view.lastPolledAt(), view.lastStatus(),
                view.lastError(), view.lastErrorAt(), view.webhookPath(), source.webhookSecret, view.query(),
                view.quotaDay(), view.quotaUsed());
    }
}
