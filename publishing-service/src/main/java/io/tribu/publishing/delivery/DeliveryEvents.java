package io.tribu.publishing.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the delivery events, one per (post, channel). Schemas and examples in
 * {@code src/main/resources/events/}; changes are additive.
 */
final class DeliveryEvents {

    static final String PUBLISHED = "tribu.publishing.post.published.v1";
    static final String FAILED = "tribu.publishing.post.failed.v1";

    private DeliveryEvents() {
    }

    @RegisterForReflection
    record Published(UUID postId, UUID deliveryId, String brandId, UUID channelId, String network, String externalId,
                     String url, Instant dueAt, Instant publishedAt, int attempts) {
    }

    @RegisterForReflection
    record Failed(UUID postId, UUID deliveryId, String brandId, UUID channelId, String network, String reason,
                  int attempts, Instant dueAt, Instant failedAt) {
    }
}
