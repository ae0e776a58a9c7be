package io.tribu.publishing.action;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code tribu.publishing.action.completed.v1}, one per action id. Schema and example in
 * {@code src/main/resources/events/action-completed.v1.*}; changes are additive.
 */
@RegisterForReflection
record ActionCompleted(UUID actionId, UUID itemId, String brandId, String action, String network, UUID channelId,
                       String outcome, String reason, String resultExternalId, String resultUrl, int attempts,
                       Instant completedAt) {

    static final String TYPE = "tribu.publishing.action.completed.v1";
}
