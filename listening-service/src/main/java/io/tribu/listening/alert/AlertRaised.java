package io.tribu.listening.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code tribu.listening.alert.raised.v1} event, also the body of the rule's webhook. Schema and example
 * live in {@code src/main/resources/events/}; changes are additive, a breaking change is a new version.
 *
 * @param mentionId keyword alerts: the mention that carried the keyword
 * @param keyword   keyword alerts: the keyword found
 * @param observed  negative-spike alerts: negative mentions in the hour
 * @param expected  negative-spike alerts: the usual number for that hour of the week
 */
@RegisterForReflection
public record AlertRaised(UUID alertId, UUID ruleId, String ruleName, String brandId, String type, Instant raisedAt,
                          String summary, UUID mentionId, String keyword, Integer observed, Double expected,
                          Instant windowStart, Instant windowEnd) {

    public static final String TYPE = "tribu.listening.alert.raised.v1";
}
