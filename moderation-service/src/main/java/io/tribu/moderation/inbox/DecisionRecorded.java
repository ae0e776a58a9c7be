package io.tribu.moderation.inbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code tribu.moderation.decision.recorded.v1} event (schema and example in
 * {@code src/main/resources/events/}). Analytics reads it for response times and moderation volumes; {@code source}
 * (the item's channel) for response times per channel.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
public record DecisionRecorded(UUID decisionId, UUID itemId, String brandId, String source, String actor, String action,
                               String fromStatus, String toStatus, String assignee, String reason,
                               boolean automated, String ruleId, Instant itemPublishedAt, Instant decidedAt) {

    public static final String TYPE = "tribu.moderation.decision.recorded.v1";
}
