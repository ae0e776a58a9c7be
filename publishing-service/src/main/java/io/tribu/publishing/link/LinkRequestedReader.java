package io.tribu.publishing.link;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.IncomingEvent;

import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

import static io.tribu.platform.intake.EventEnvelope.blank;

/** The fields publishing reads from moderation's {@code tribu.moderation.link.requested.v1} event. */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkRequestedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.moderation.link.requested.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID requestId, UUID itemId, String brandId, String network, String accountId, String mediaId,
                       String commentId) {
    }

    /** Why the event cannot be answered (it goes to the dead-letter topic), or null. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.requestId() == null || data.itemId() == null || blank(data.brandId()) || blank(data.network())
                || blank(data.accountId()) || blank(data.mediaId()) || blank(data.commentId())) {
            return "missing data.requestId, itemId, brandId, network, accountId, mediaId or commentId";
        }
        return null;
    }
}
