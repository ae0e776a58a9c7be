package io.tribu.analytics.engagement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields analytics reads from publishing's {@code tribu.publishing.post.published.v1} event: one per
 * delivery (post x channel), whose {@code deliveryId} is the variant id of the engagement snapshots.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostPublishedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.publishing.post.published.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID postId, UUID deliveryId, String brandId, UUID channelId, String network,
                       String externalId, String url, Instant publishedAt) {
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.postId() == null || data.deliveryId() == null || data.brandId() == null
                || data.channelId() == null || data.network() == null || data.publishedAt() == null) {
            return "missing data.postId, deliveryId, brandId, channelId, network or publishedAt";
        }
        return null;
    }
}
