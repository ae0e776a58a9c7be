package io.tribu.publishing.review;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code tribu.publishing.review.collected.v1}: a customer's review of one of the brand's locations, read from
 * the network, announced when first seen ({@code change: new}) and again when the customer changed it
 * ({@code updated}: stars or text). Schema and example in {@code src/main/resources/events/review-collected.v1.*};
 * changes are additive.
 */
@RegisterForReflection
record ReviewCollected(String change, UUID channelId, String brandId, String network, String locationId, String reviewId,
                       String reviewName, Author author, Integer rating, String text, Reply reply, Instant publishedAt,
                       Instant updatedAt, Instant collectedAt) {

    static final String TYPE = "tribu.publishing.review.collected.v1";
    static final String NEW = "new";
    static final String UPDATED = "updated";

    /** The reviewer's display name (null when anonymous or not given). */
    @RegisterForReflection
    record Author(String name, boolean anonymous) {
    }

    /** The business's public answer as read with the review (null while none). */
    @RegisterForReflection
    record Reply(String text, Instant updatedAt) {
    }
}
