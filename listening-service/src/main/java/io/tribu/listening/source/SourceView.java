package io.tribu.listening.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A source as the API shows it; a webhook's secret is shown once, in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(UUID id, String brandId,
                         @Schema(enumeration = {"rss", "mastodon", "bluesky", "webhook"}) String type, String url, String hashtag, Integer pollIntervalSeconds,
                         boolean ownedChannel, boolean enabled, Instant nextPollAt, Instant lastPolledAt,
                         String lastStatus, String lastError, Instant lastErrorAt, String webhookPath,
                         String webhookSecret) {

    static SourceView of(Source source) {
        boolean webhook = "webhook".equals(source.type);
        return new SourceView(source.id, source.brandId, source.type, source.url, source.hashtag,
                webhook ? null : source.pollIntervalSeconds, source.ownedChannel, source.enabled,
                webhook ? null : source.nextPollAt, source.lastPolledAt, source.lastStatus, source.lastError,
                source.lastErrorAt, webhook ? "/webhooks/sources/" + source.id : null, null);
    }

    static SourceView created(Source source) {
        SourceView view = of(source);
        return new SourceView(view.id(), view.brandId(), view.type(), view.url(), view.hashtag(), view.pollIntervalSeconds(),
                view.ownedChannel(), view.enabled(), view.nextPollAt(), view.lastPolledAt(), view.lastStatus(),
                view.lastError(), view.lastErrorAt(), view.webhookPath(), source.webhookSecret);
    }
}
