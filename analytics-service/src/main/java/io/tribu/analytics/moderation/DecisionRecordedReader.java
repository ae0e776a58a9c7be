package io.tribu.analytics.moderation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/** The fields analytics reads from moderation's {@code tribu.moderation.decision.recorded.v1} event. */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionRecordedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.moderation.decision.recorded.v1";

    /** Network actions moderation asks publishing to carry out. */
    static final Set<String> NETWORK_ACTIONS = Set.of("hide", "delete", "reply");
    /** Removes the brand's answer to a review: it never answers anybody, on the network or by hand. */
    static final String DELETE_REPLY = "delete_reply";

    /** {@code source}: the item's channel (network or webhook channel name); null in decisions recorded before it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID decisionId, UUID itemId, String brandId, String source, String action, String fromStatus,
                       String toStatus, Instant itemPublishedAt, Instant decidedAt) {

        /**
         * Whether the decision answered the interaction when it was taken. A hide, delete or reply asked of the
         * network leaves the status as it was (the schema's rule) and answers only once publishing reports it done
         * ({@link ActionCompletedReader}): a failed one answered nobody. Done by hand on the network, or any other
         * decision, it answers at once; a delete_reply never does.
         */
        public boolean respondedAtDecision() {
            return !DELETE_REPLY.equals(action) && !(NETWORK_ACTIONS.contains(action) && fromStatus != null && fromStatus.equals(toStatus));
        }
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.decisionId() == null || data.itemId() == null || data.brandId() == null
                || data.action() == null || data.itemPublishedAt() == null || data.decidedAt() == null) {
            return "missing data.decisionId, itemId, brandId, action, itemPublishedAt or decidedAt";
        }
        return null;
    }
}
