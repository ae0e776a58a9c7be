package io.tribu.moderation.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

import static io.tribu.platform.intake.EventEnvelope.blank;

/** The fields moderation reads from publishing's {@code tribu.publishing.review.collected.v1} event. */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewCollectedReader(UUID id, String type, String tenant, Data data) {

    public static final String TYPE = "tribu.publishing.review.collected.v1";
    static final Set<String> CHANGES = Set.of("new", "updated");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String change, UUID channelId, String brandId, String network, String locationId, String reviewId,
                       String reviewName, Author author, Integer rating, String text, Reply reply, Instant publishedAt,
                       Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String name, boolean anonymous) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String text, Instant updatedAt) {
    }

    /** The inbox item of a review: one per agency, publishing channel and network review id, whatever event brings it. */
    static UUID itemId(String tenant, UUID channelId, String network, String reviewId) {
        return UUID.nameUUIDFromBytes((tenant + ":" + network + ":" + channelId + ":review:" + reviewId).getBytes(StandardCharsets.UTF_8));
    }

    /** Why the event cannot be applied (it goes to the dead-letter topic), or null. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || !CHANGES.contains(data.change()) || data.channelId() == null || blank(data.brandId())
                || blank(data.network()) || blank(data.locationId()) || blank(data.reviewId()) || blank(data.reviewName())
                || data.text() == null || data.publishedAt() == null || data.updatedAt() == null) {
            return "missing or unknown data.change, channelId, brandId, network, locationId, reviewId, reviewName, text, "
                    + "publishedAt or updatedAt";
        }
        if (data.rating() != null && (data.rating() < 1 || data.rating() > 5)) {
            return "data.rating must be from 1 to 5, not " + data.rating();
        }
        return null;
    }
}
