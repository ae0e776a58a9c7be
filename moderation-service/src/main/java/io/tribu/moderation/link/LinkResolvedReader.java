package io.tribu.moderation.link;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.EventEnvelope;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.UUID;

/** The fields moderation reads from publishing's {@code tribu.publishing.link.resolved.v1}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkResolvedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.publishing.link.resolved.v1";

    /** url is null when publishing found none; failure then says why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID requestId, UUID itemId, String brandId, String network, String mediaId, String commentId,
                       String url, String mediaUrl, Failure failure, Instant resolvedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String reason) {
    }

    /** Why the event cannot be applied, or null when it can. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.itemId() == null || data.brandId() == null || data.resolvedAt() == null) {
            return "missing data.itemId, data.brandId or data.resolvedAt";
        }
        if (data.url() == null && data.failure() == null) {
            return "neither data.url nor data.failure";
        }
        if (data.url() != null && !(data.url().startsWith("https://") || data.url().startsWith("http://"))) {
            return "data.url is not an http(s) URL";
        }
        return null;
    }
}
