package io.tribu.moderation.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Meta's webhook deliveries ({@code object} page or instagram, {@code entry[]} of one account each; a JSON
 * array of deliveries too). Taken: Page feed comments ({@code field feed}, {@code item comment}, verbs add, edited and
 * remove), Instagram comments ({@code field comments} or {@code live_comments}, in {@code changes[]} or, in the
 * "Instagram API with Instagram Login" shape, as the entry's own {@code field} and {@code value}), Messenger and
 * Instagram direct messages ({@code messaging[].message}, {@code message_edit}, {@code is_deleted}). A comment or
 * message may carry only a photo or an attachment: it is kept with an empty text. What the brand's own account posts
 * (its {@code from.id} or sender is the channel's account, or a message echo) is not an interaction: it is the
 * brand's answer to the comment it replies to, or to the conversation. Entries of another account, reactions, posts,
 * hides and other events are counted as ignored; anything that cannot be read is reported with its path, never
 * dropped silently.
 */
final class MetaPayload {

    private MetaPayload() {
    }

    /** An edit at the source: the new text of the comment or message with this network id. */
    record Edit(String externalId, String text, Instant editedAt) {
    }

    /** Deleted at the source. */
    record Removal(String externalId, Instant removedAt) {
    }

    /** The brand's own comment or message: answers the comment with that network id, else the conversation (thread). */
    record OwnReply(String externalId, String answers, String thread, String text, Instant at) {
    }

    /** What one delivery says; unreadable: one {field, reason} per part that could not be read. */
    record Reading(List<Interaction> interactions, List<Edit> edits, List<Removal> removals, List<OwnReply> ownReplies,
                   int ignored, List<Map<String, String>> unreadable) {
    }

    /** now: the time of an interaction Meta sent without one. */
    static Reading read(JsonNode body, WebhookChannel channel, Instant now) {
        Reader reader = new Reader(channel, now);
        if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                reader.delivery(body.get(i), "[" + i + "].");
            }
        } else {
            reader.delivery(body, "");
        }
        return new Reading(reader.interactions, reader.edits, reader.removals, reader.ownReplies, reader.ignored,
                reader.unreadable);
    }

    /** Meta writes seconds in feed changes and milliseconds in messaging: tell them apart by size. */
    static Instant epoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static final class Reader {

        final WebhookChannel channel;
        final Instant now;
        final List<Interaction> interactions = new ArrayList<>();
        final List<Edit> edits = new ArrayList<>();
        final List<Removal> removals = new ArrayList<>();
        final List<OwnReply> ownReplies = new ArrayList<>();
        final List<Map<String, String>> unreadable = new ArrayList<>();
        int ignored;

        Reader(WebhookChannel channel, Instant now) {
            this.channel = channel;
            this.now = now;
        }

        void unreadable(String field, String reason) {
            unreadable.add(Map.of("field", field, "reason", reason));
        }

        boolean own(String accountId) {
            return channel.accountId.equals(accountId);
        }

        void delivery(JsonNode delivery, String prefix) {
            JsonNode entries = delivery.path("entry");
            if (!entries.isArray()) {
                unreadable(prefix + "entry", "missing: not a Meta delivery");
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                entry(entries.get(i), prefix + "entry[" + i + "]");
            }
        }

        void entry(JsonNode entry, String at) {
            if (!own(entry.path("id").asText())) {
                ignored++;
                return;
            }
            Instant time = entry.hasNonNull("time") ? epoch(entry.path("time").asLong()) : now;
            JsonNode changes = entry.path("changes");
            for (int j = 0; j < changes.size(); j++) {
                change(changes.get(j).path("field").asText(), changes.get(j).path("value"), at + ".changes[" + j + "]", time);
            }
            if (entry.has("field")) {
                change(entry.path("field").asText(), entry.path("value"), at, time);
            }
            JsonNode messaging = entry.path("messaging");
            for (int k = 0; k < messaging.size(); k++) {
                messaging(messaging.get(k), at + ".messaging[" + k + "]");
            }
            if (changes.isEmpty() && !entry.has("field") && messaging.isEmpty()) {
                unreadable(at, "neither changes, field nor messaging");
            }
        }

        void change(String field, JsonNode value, String at, Instant time) {
            if (value.isArray()) {
                for (int v = 0; v < value.size(); v++) {
                    change(field, value.get(v), at + ".value[" + v + "]", time);
                }
                return;
            }
            switch (field) {
                case "feed" -> pageFeed(value, at + ".value", time);
                case "comments", "live_comments" -> instagramComment(value, at + ".value", time);
                default -> ignored++;
            }
        }

        void pageFeed(JsonNode value, String at, Instant time) {
            if (!"comment".equals(value.path("item").asText())) {
                ignored++;
                return;
            }
            String commentId = value.path("comment_id").asText("");
            if (commentId.isBlank()) {
                unreadable(at + ".comment_id", "missing");
                return;
            }
            String postId = value.path("post_id").asText(null);
            String parentId = value.path("parent_id").asText(null);
            // A reply's parent is another comment; a top-level comment's parent is the post.
            String answers = parentId == null || parentId.equals(postId) ? null : parentId;
            boolean own = own(value.path("from").path("id").asText());
            Instant created = value.hasNonNull("created_time") ? epoch(value.path("created_time").asLong()) : now;
            String text = value.path("message").asText("");
            switch (value.path("verb").asText()) {
                case "add" -> {
                    if (own) {
                        ownReply(commentId, answers, null, text, created);
                        return;
                    }
                    List<String> attachments = new ArrayList<>();
                    for (String media : List.of("photo", "video")) {
                        if (value.path(media).isTextual() && !value.path(media).asText().isBlank()) {
                            attachments.add(value.path(media).asText());
                        }
                    }
                    if (text.isBlank() && attachments.isEmpty()) {
                        unreadable(at + ".message", "a comment with neither text nor photo or video");
                        return;
                    }
                    interactions.add(new Interaction(commentId, answers == null ? "comment" : "reply",
                            value.path("from").path("name").asText(null), text, "https://www.facebook.com/" + commentId,
                            created, postId, attachments));
                }
                case "edited" -> {
                    if (own) {
                        ignored++;
                    } else {
                        edits.add(new Edit(commentId, text, time));
                    }
                }
                case "remove" -> removals.add(new Removal(commentId, time));
                // The Page hiding or showing a comment: moderation already knows, having asked for it.
                case "hide", "unhide" -> ignored++;
                default -> unreadable(at + ".verb", "unknown verb " + value.path("verb").asText("(none)"));
            }
        }

        void instagramComment(JsonNode value, String at, Instant time) {
            String id = value.path("id").asText("");
            if (id.isBlank()) {
                unreadable(at + ".id", "missing");
                return;
            }
            String text = value.path("text").asText("");
            String parentId = value.path("parent_id").asText(null);
            if (own(value.path("from").path("id").asText())) {
                ownReply(id, parentId, null, text, time);
                return;
            }
            String username = value.path("from").path("username").asText(null);
            interactions.add(new Interaction(id, parentId == null ? "comment" : "reply",
                    username == null ? null : "@" + username, text, null, time,
                    value.path("media").path("id").asText(null), List.of()));
        }

        void messaging(JsonNode messaging, String at) {
            Instant time = messaging.hasNonNull("timestamp") ? epoch(messaging.path("timestamp").asLong()) : now;
            String sender = messaging.path("sender").path("id").asText();
            if (messaging.has("message_edit")) {
                JsonNode edit = messaging.path("message_edit");
                if (edit.path("mid").asText("").isBlank()) {
                    unreadable(at + ".message_edit.mid", "missing");
                } else {
                    edits.add(new Edit(edit.path("mid").asText(), edit.path("text").asText(""), time));
                }
                return;
            }
            JsonNode message = messaging.path("message");
            if (message.isMissingNode()) {
                // Reads, deliveries, reactions, postbacks: not interactions to moderate.
                ignored++;
                return;
            }
            String mid = message.path("mid").asText("");
            if (mid.isBlank()) {
                unreadable(at + ".message.mid", "missing");
                return;
            }
            String text = message.path("text").asText("");
            if (message.path("is_deleted").asBoolean(false)) {
                removals.add(new Removal(mid, time));
            } else if (message.path("is_echo").asBoolean(false) || own(sender)) {
                ownReply(mid, null, "conversation:" + messaging.path("recipient").path("id").asText(), text, time);
            } else {
                List<String> attachments = new ArrayList<>();
                for (JsonNode attachment : message.path("attachments")) {
                    String url = attachment.path("payload").path("url").asText("");
                    if (!url.isBlank()) {
                        attachments.add(url);
                    }
                }
                if (text.isBlank() && attachments.isEmpty()) {
                    unreadable(at + ".message", message.path("is_unsupported").asBoolean(false)
                            ? "a message of a kind the API does not show" : "a message with neither text nor attachment");
                    return;
                }
                interactions.add(new Interaction(mid, "direct-message", channel.network + ":" + sender, text, null, time,
                        "conversation:" + sender, attachments));
            }
        }

        void ownReply(String externalId, String answers, String thread, String text, Instant at) {
            if (answers == null && thread == null) {
                // The brand commenting on its own post answers nobody.
                ignored++;
            } else {
                ownReplies.add(new OwnReply(externalId, answers, thread, text, at));
            }
        }
    }
}
