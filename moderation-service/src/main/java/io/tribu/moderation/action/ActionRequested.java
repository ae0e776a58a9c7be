package io.tribu.moderation.action;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code tribu.moderation.action.requested.v1} (schema and example in src/main/resources/events/):
 * what publishing is asked to do on the network.
 */
@RegisterForReflection
public record ActionRequested(UUID actionId, UUID itemId, String brandId, String action, String network,
                              String targetUrl, String targetExternalId, String targetAuthor, String replyText,
                              String visibility, String requestedBy, Instant requestedAt) {

    public static final String TYPE = "tribu.moderation.action.requested.v1";
}
