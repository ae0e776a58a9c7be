package io.tribu.moderation.webhook;

import io.tribu.moderation.inbox.MentionRecordedReader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A comment, reply or private message pushed by a network, before it enters the inbox. Its id in Tribu is derived
 * from the channel and the network's own id, so a delivery retried by the network lands on the same item. thread:
 * the post commented on, or the private conversation; attachments: URLs of the photos or files it carries.
 */
record Interaction(String externalId, String kind, String author, String text, String url, Instant publishedAt,
                   String thread, List<String> attachments, Integer rating) {

    /** An interaction without stars (all but reviews). */
    Interaction(String externalId, String kind, String author, String text, String url, Instant publishedAt,
                String thread, List<String> attachments) {
        this(externalId, kind, author, text, url, publishedAt, thread, attachments, null);
    }

    /** The item this network id has (or would have) in the inbox. */
    static UUID itemId(WebhookChannel channel, String externalId) {
        return UUID.nameUUIDFromBytes((channel.id + ":" + externalId).getBytes(StandardCharsets.UTF_8));
    }

    MentionRecordedReader asReceived(WebhookChannel channel, String source) {
        UUID id = itemId(channel, externalId);
        return new MentionRecordedReader(id, MentionRecordedReader.TYPE, channel.tenant,
                new MentionRecordedReader.Data(id, channel.brandId, source, kind, true, author, text, url, null,
                        publishedAt, null, externalId, thread, attachments, rating));
    }
}
