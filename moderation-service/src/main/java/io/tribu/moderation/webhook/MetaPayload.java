package io.tribu.moderation.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Meta's webhook deliveries ({@code object} page or instagram, {@code entry[]} of one account each) into
 * interactions: Page feed comments ({@code changes[].field = feed}, {@code item = comment}, {@code verb = add}),
 * Instagram comments ({@code field = comments}) and Messenger / Instagram direct messages
 * ({@code messaging[].message}, echoes of the brand's own messages skipped). Entries of another account than
 * the channel's and every other change (likes, edits, removals, reactions) are ignored.
 */
final class MetaPayload {

    private MetaPayload() {
    }

    /** now: the time of an interaction Meta sent without one. */
    static List<Interaction> interactions(JsonNode delivery, WebhookChannel channel, Instant now) {
        List<Interaction> found = new ArrayList<>();
        for (JsonNode entry : delivery.path("entry")) {
            if (!channel.accountId.equals(entry.path("id").asText())) {
                continue;
            }
            Instant entryTime = entry.hasNonNull("time") ? epoch(entry.path("time").asLong()) : now;
            for (JsonNode change : entry.path("changes")) {
                Interaction comment = "instagram".equals(channel.network)
                        ? instagramComment(change, entryTime) : pageComment(change, now);
                if (comment != null) {
                    found.add(comment);
                }
            }
            for (JsonNode messaging : entry.path("messaging")) {
                Interaction message = directMessage(messaging, channel, now);
                if (message != null) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    private static Interaction pageComment(JsonNode change, Instant now) {
        JsonNode value = change.path("value");
        if (!"feed".equals(change.path("field").asText()) || !"comment".equals(value.path("item").asText())
                || !"add".equals(value.path("verb").asText()) || value.path("message").asText("").isBlank()) {
            return null;
        }
        String commentId = value.path("comment_id").asText();
        boolean reply = value.hasNonNull("parent_id") && !value.path("parent_id").asText().equals(value.path("post_id").asText());
        return new Interaction(commentId, reply ? "reply" : "comment", value.path("from").path("name").asText(null),
                value.path("message").asText(), "https://www.facebook.com/" + commentId,
                value.hasNonNull("created_time") ? epoch(value.path("created_time").asLong()) : now,
                value.path("post_id").asText(null));
    }

    private static Interaction instagramComment(JsonNode change, Instant entryTime) {
        JsonNode value = change.path("value");
        if (!"comments".equals(change.path("field").asText()) || value.path("text").asText("").isBlank()) {
            return null;
        }
        String username = value.path("from").path("username").asText(null);
        return new Interaction(value.path("id").asText(), value.hasNonNull("parent_id") ? "reply" : "comment",
                username == null ? null : "@" + username, value.path("text").asText(), null, entryTime,
                value.path("media").path("id").asText(null));
    }

    private static Interaction directMessage(JsonNode messaging, WebhookChannel channel, Instant now) {
        JsonNode message = messaging.path("message");
        if (message.isMissingNode() || message.path("is_echo").asBoolean(false)
                || message.path("text").asText("").isBlank()
                || channel.accountId.equals(messaging.path("sender").path("id").asText())) {
            return null;
        }
        return new Interaction(message.path("mid").asText(), "direct-message",
                channel.network + ":" + messaging.path("sender").path("id").asText(), message.path("text").asText(),
                null, messaging.hasNonNull("timestamp") ? epoch(messaging.path("timestamp").asLong()) : now,
                "conversation:" + messaging.path("sender").path("id").asText());
    }

    /** Meta writes seconds in feed changes and milliseconds in messaging: tell them apart by size. */
    static Instant epoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
