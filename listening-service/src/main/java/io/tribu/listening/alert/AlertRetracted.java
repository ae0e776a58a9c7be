package io.tribu.listening.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code tribu.listening.alert.retracted.v1} event: an alert raised before no longer stands, because the
 * mention it was about was withdrawn at its source or edited so that it no longer carries the keyword. Also the body
 * of the retraction POSTed to the rule's webhook when the alert had been delivered there. Schema and example live in
 * {@code src/main/resources/events/}; changes are additive, a breaking change is a new version.
 *
 * @param reason {@code mention-withdrawn} or {@code mention-edited}
 */
@RegisterForReflection
public record AlertRetracted(UUID alertId, UUID ruleId, String brandId, String type, Instant raisedAt,
                             Instant retractedAt, String reason, UUID mentionId) {

    public static final String TYPE = "tribu.listening.alert.retracted.v1";
    static final String MENTION_WITHDRAWN = "mention-withdrawn";
    static final String MENTION_EDITED = "mention-edited";

    static AlertRetracted of(Alert alert) {
        return new AlertRetracted(alert.id, alert.ruleId, alert.brandId, alert.type, alert.raisedAt, alert.retractedAt,
                alert.retractionReason, alert.mentionId);
    }
}
