package io.tribu.listening.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert rule as the API shows it; the webhook secret only in the answer to its creation. */
public record AlertRuleView(UUID id, String name,
                            @Schema(enumeration = {"keyword", "negative-spike"}) String type, List<String> keywords, int minMentions, double factor,
                            int cooldownMinutes, String webhookUrl, String webhookSecret, boolean enabled,
                            Instant createdAt, Instant lastRaisedAt) {

    static AlertRuleView of(AlertRule rule) {
        return new AlertRuleView(rule.id, rule.name, rule.type, rule.keywordList(), rule.minMentions, rule.factor,
                rule.cooldownMinutes, rule.webhookUrl, null, rule.enabled, rule.createdAt, rule.lastRaisedAt);
    }

    static AlertRuleView created(AlertRule rule) {
        return new AlertRuleView(rule.id, rule.name, rule.type, rule.keywordList(), rule.minMentions, rule.factor,
                rule.cooldownMinutes, rule.webhookUrl, rule.webhookSecret, rule.enabled, rule.createdAt,
                rule.lastRaisedAt);
    }
}
