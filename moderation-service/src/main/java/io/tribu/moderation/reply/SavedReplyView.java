package io.tribu.moderation.reply;

import java.time.Instant;
import java.util.UUID;

public record SavedReplyView(UUID id, String brandId, String name, String language, String text, Instant createdAt) {

    static SavedReplyView of(SavedReply reply) {
        return new SavedReplyView(reply.id, reply.brandId, reply.name, reply.language, reply.text, reply.createdAt);
    }
}
