package io.tribu.moderation.reply;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

public record SavedReplyView(UUID id, String brandId, String name, String language, String text, Instant createdAt,
                             @Schema(description = "When it was last edited; null if never") Instant updatedAt,
                             @Schema(description = "Send it back as If-Match to edit (also the ETag)") long version) {

    static SavedReplyView of(SavedReply reply) {
        return new SavedReplyView(reply.id, reply.brandId, reply.name, reply.language, reply.text, reply.createdAt,
                reply.updatedAt, reply.version);
    }
}
