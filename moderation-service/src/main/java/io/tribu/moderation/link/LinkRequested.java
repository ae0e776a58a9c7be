package io.tribu.moderation.link;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * Data of {@code tribu.moderation.link.requested.v1} (schema and example in src/main/resources/events/): the ids
 * publishing needs to look an interaction's permalink up with the channel's token.
 */
@RegisterForReflection
public record LinkRequested(UUID requestId, UUID itemId, String brandId, String network, String accountId,
                            String mediaId, String commentId) {

    public static final String TYPE = "tribu.moderation.link.requested.v1";
}
