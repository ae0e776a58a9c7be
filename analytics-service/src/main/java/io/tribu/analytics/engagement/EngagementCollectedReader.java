package io.tribu.analytics.engagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields analytics reads from publishing's {@code tribu.publishing.engagement.collected.v1} event:
 * the cumulative counts of one post variant at {@code collectedAt} (not increments).
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngagementCollectedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.publishing.engagement.collected.v1";

    /** {@code impressions} is null where the network does not tell (Mastodon, Bluesky). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID postId, UUID variantId, String brandId, UUID channelId, String network,
                       String externalId, String url, String contentType, List<String> tags, Instant publishedAt,
                       Instant collectedAt, Long likes, Long comments, Long shares, Long impressions) {

        /** Distinct, trimmed, non-blank tags; none when the event has none. */
        public List<String> tagList() {
            return tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::trim)
                    .filter(tag -> !tag.isEmpty()).distinct().toList();
        }
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.postId() == null || data.variantId() == null || data.brandId() == null
                || data.channelId() == null || data.network() == null || data.publishedAt() == null
                || data.collectedAt() == null) {
            return "missing data.postId, variantId, brandId, channelId, network, publishedAt or collectedAt";
        }
        if (data.likes() == null || data.comments() == null || data.shares() == null
                || data.likes() < 0 || data.comments() < 0 || data.shares() < 0
                || (data.impressions() != null && data.impressions() < 0)) {
            return "likes, comments and shares must be counts of 0 or more (impressions too, or null)";
        }
        return null;
    }
}
