package io.tribu.listening.alert;

import java.time.Instant;
import java.util.UUID;

/** A raised alert and its webhook delivery (none, pending, delivered, failed). */
public record AlertView(UUID id, UUID ruleId, String type, Instant raisedAt, String summary, UUID mentionId,
                        Integer observed, Double expected, String webhookStatus, int webhookAttempts, String lastError) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.ruleId, alert.type, alert.raisedAt, alert.summary, alert.mentionId,
                alert.observed, alert.expected, alert.webhookStatus, alert.webhookAttempts, alert.lastError);
    }
}
