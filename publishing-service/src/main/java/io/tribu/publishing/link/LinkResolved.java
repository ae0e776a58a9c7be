package io.tribu.publishing.link;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code tribu.publishing.link.resolved.v1}, the answer to one link request. Schema and example in
 * {@code src/main/resources/events/link-resolved.v1.*}; changes are additive.
 */
@RegisterForReflection
record LinkResolved(UUID requestId, UUID itemId, String brandId, String network, String mediaId, String commentId, String url,
                    String mediaUrl, Failure failure, Instant resolvedAt) {

    static final String TYPE = "tribu.publishing.link.resolved.v1";

    /** Why no address could be given: {@link LinkFailures}. */
    @RegisterForReflection
    record Failure(String reason) {
    }
}
