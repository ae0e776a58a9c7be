package io.tribu.listening.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * A raised alert, whether it was retracted, and its webhook delivery (none, pending, delivered, failed, cancelled): the
 * latest of the alert and its retraction.
 */
public record AlertView(UUID id, UUID ruleId, String type, Instant raisedAt, String summary, UUID mentionId,
                        Integer observed, Double expected, String webhookStatus, int webhookAttempts, String lastError,
                        Instant retractedAt, String retractionReason) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.ruleId, alert.type, alert.raisedAt, alert.summary, alert.mentionId,
                alert.observed, alert.expected, alert.webhookStatus, alert.webhookAttempts, alert.lastError,
                alert.retractedAt, alert.retractionReason);
    }
}
