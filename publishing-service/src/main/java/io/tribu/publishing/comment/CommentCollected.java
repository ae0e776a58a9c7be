package io.tribu.publishing.comment;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code tribu.publishing.comment.collected.v1}: a comment or reply on one of the brand's channels, read
 * from the network, announced when first seen ({@code change: new}) and again when its author edited it
 * ({@code edited}). Schema and example in {@code src/main/resources/events/comment-collected.v1.*}; changes are additive.
 */
@RegisterForReflection
record CommentCollected(String change, UUID channelId, String brandId, String network, String accountId, String commentId,
                        String parentId, String videoId, Author author, String text, String url, boolean fromChannel,
                        Instant publishedAt, Instant updatedAt, Instant collectedAt) {

    static final String TYPE = "tribu.publishing.comment.collected.v1";
    static final String NEW = "new";
    static final String EDITED = "edited";

    /** The author's display name and network account id (null when the network gives none). */
    @RegisterForReflection
    record Author(String name, String accountId) {
    }
}
