package io.tribu.listening.source.webhook;

import java.util.UUID;

/** What the sender learns: the stored mention, or that this id was already received. */
public record WebhookReceipt(String id, UUID mentionId, boolean duplicate) {
}
