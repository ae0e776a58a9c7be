package io.tribu.moderation.reply;

import java.util.UUID;

/** A saved reply filled in for one inbox item, ready to be sent. */
public record RenderedReply(UUID savedReplyId, UUID itemId, String text) {
}
