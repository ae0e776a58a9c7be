package io.tribu.listening.mention;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code tribu.listening.mention.withdrawn.v1} event: a stored mention was deleted at its source. A
 * consumer stops counting and showing it; listening keeps the row (ids stay valid) without its text. Schema and
 * example live in {@code src/main/resources/events/}.
 *
 * @param reason why it was withdrawn; {@code deleted-at-source} for now
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
public record MentionWithdrawn(UUID mentionId, String brandId, String source, Instant withdrawnAt, String reason) {

    public static final String TYPE = "tribu.listening.mention.withdrawn.v1";
    static final String DELETED_AT_SOURCE = "deleted-at-source";

    static MentionWithdrawn of(Mention mention) {
        return new MentionWithdrawn(mention.id, mention.brandId, mention.source, mention.withdrawnAt, DELETED_AT_SOURCE);
    }
}
