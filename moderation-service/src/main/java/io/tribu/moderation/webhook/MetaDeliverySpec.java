package io.tribu.moderation.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A Meta webhook delivery as the API documents it (OpenAPI schema {@code MetaDelivery}): the service reads it as a JSON
 * tree ({@link MetaPayload}), taking what it knows and ignoring the rest, since Meta adds fields over time.
 */
@Schema(name = "MetaDelivery", description = "Meta's webhook payload (Graph API): only the fields read are listed; "
        + "others are ignored")
record MetaDeliverySpec(
        @Schema(required = true, enumeration = {"page", "instagram"}) String object,
        @Schema(required = true, description = "One per Page or Instagram account; another account's entries are ignored")
        List<Entry> entry) {

    @Schema(name = "MetaDeliveryEntry")
    record Entry(
            @Schema(required = true, description = "The Page or Instagram account id", examples = "104857162549213") String id,
            @Schema(description = "Unix seconds") Long time,
            @Schema(description = "feed (Page comments: item comment, verbs add, edited, remove) or comments and "
                    + "live_comments (Instagram)")
            List<Map<String, Object>> changes,
            @Schema(description = "Instagram API with Instagram Login: the change's field, without changes[]") String field,
            @Schema(description = "Instagram API with Instagram Login: the change's value") Map<String, Object> value,
            @Schema(description = "Messenger / Instagram direct messages (message, message_edit, is_deleted); the "
                    + "brand's own messages and echoes are its answers")
            List<Map<String, Object>> messaging) {
    }

    /** The answer to a delivery. */
    @Schema(name = "MetaDeliveryReceived")
    record Received(
            @Schema(description = "Interactions taken from the delivery (already-stored ones count again, add nothing)")
            int received,
            @Schema(description = "Items whose text an edit at the source replaced (verb edited, message_edit)") int edited,
            @Schema(description = "Items withdrawn: deleted at the source (verb remove, is_deleted)") int withdrawn,
            @Schema(description = "Items the brand's own comments or messages answered first (their first response); "
                    + "the brand's own posts never become items") int brandReplies,
            @Schema(description = "Parts deliberately not taken: another account's entries, reactions, posts, hides, "
                    + "reads and deliveries") int ignored,
            @Schema(description = "Parts that could not be read (field: JSON path, reason), also counted in the "
                    + "tribu_meta_unreadable_total metric; absent when none") List<Map<String, String>> unreadable,
            @Schema(description = "Values holding a NUL or an unpaired surrogate, stored with U+FFFD in their place "
                    + "(field: JSON path, message); absent when none") List<Map<String, String>> repaired) {
    }
}
