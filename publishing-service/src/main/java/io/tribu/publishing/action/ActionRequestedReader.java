package io.tribu.publishing.action;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

import static io.tribu.platform.intake.EventEnvelope.blank;

/** The fields publishing reads from moderation's {@code tribu.moderation.action.requested.v1} event. */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionRequestedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.moderation.action.requested.v1";
    static final Set<String> ACTIONS = Set.of("hide", "unhide", "delete", "reply", "delete_reply");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID actionId, UUID itemId, String brandId, String action, String network, String targetUrl,
                       String targetExternalId, String targetAuthor, String replyText, String visibility,
                       String requestedBy, Instant requestedAt) {

        boolean privately() {
            return "private".equals(visibility);
        }
    }

    /** Why the event cannot be acted on (it goes to the dead-letter topic), or null. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.actionId() == null || data.itemId() == null || blank(data.brandId())
                || blank(data.network()) || blank(data.targetUrl()) || blank(data.requestedBy()) || data.requestedAt() == null) {
            return "missing data.actionId, itemId, brandId, network, targetUrl, requestedBy or requestedAt";
        }
        if (!ACTIONS.contains(data.action())) {
            return "unknown action " + data.action();
        }
        if (data.action().equals("reply") && blank(data.replyText())) {
            return "a reply needs data.replyText";
        }
        return null;
    }
}
