package io.tribu.analytics.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

import static io.tribu.platform.intake.EventEnvelope.blank;

/**
 * The fields analytics reads from publishing's {@code tribu.publishing.review.collected.v1} event: a review of one of
 * the brand's locations with its stars, new or updated. Unknown fields are ignored.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewCollectedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.publishing.review.collected.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID channelId, String brandId, String locationId, String reviewId, Integer rating,
                       Instant publishedAt, Instant updatedAt) {
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.channelId() == null || blank(data.brandId()) || blank(data.locationId())
                || blank(data.reviewId()) || data.publishedAt() == null || data.updatedAt() == null) {
            return "missing data.channelId, brandId, locationId, reviewId, publishedAt or updatedAt";
        }
        if (data.rating() != null && (data.rating() < 1 || data.rating() > 5)) {
            return "data.rating must be from 1 to 5, not " + data.rating();
        }
        return null;
    }
}
