package io.tribu.moderation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tribu.moderation.action.NetworkActionView;
import io.tribu.moderation.classify.Label;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * labels: classifier name -> {score, evidence}, only the labels present (score >= 0.5). actions: what was
 * asked of the network (hide, delete, reply) and its outcome once publishing reported it; networkAction: the one
 * that says where the item stands on the network (the oldest still requested, else the latest), null when none.
 * A hide, delete or reply changes status and firstResponseAt only once publishing reports it done. history: what
 * happened at the source (edits, deletion) and the brand's own replies there.
 */
@Schema(name = "InboxItem")
public record InboxItemView(UUID id, String brandId, String source, String kind,
                            @Schema(description = "A review's stars, 1 to 5 (kind review); null for other interactions",
                                    minimum = "1", maximum = "5", nullable = true)
                            Integer rating,
                            String author, String text,
                            String url,
                            @Schema(description = "URLs of the photos or files it carries; an image-only message has an "
                                    + "empty text and its attachment")
                            List<String> attachments,
                            String thread, String language, String sentiment, Double sentimentScore,
                            @Schema(enumeration = {"new", "assigned", "replied", "hidden", "deleted", "escalated", "closed",
                                    "withdrawn"})
                            String status,
                            String assignee, List<String> tags, Instant publishedAt, Instant receivedAt, long version,
                            @Schema(description = "When the item was first answered: a decision settled at once, or a "
                                    + "hide, delete or reply once publishing reported it done; null while unanswered")
                            Instant firstResponseAt, Instant slaDueAt, Instant slaBreachedAt,
                            @Schema(description = "Classifier labels present: name -> {score, evidence}",
                                    type = SchemaType.OBJECT, implementation = Map.class, additionalProperties = Label.class)
                            JsonNode labels,
                            @Schema(description = "The network action the item waits for (outcome requested), else the "
                                    + "latest one; null when nothing was asked of the network")
                            NetworkActionView networkAction,
                            List<NetworkActionView> actions,
                            @Schema(description = "When the text was last edited at the source; null if never")
                            Instant editedAt,
                            @Schema(description = "When the author deleted it at the source (status withdrawn, text "
                                    + "empty); null while it stands")
                            Instant withdrawnAt,
                            @Schema(description = "Why it was withdrawn", enumeration = {"deleted-at-source"})
                            String withdrawnReason,
                            @Schema(description = "Edits and deletion at the source, the brand's replies seen on the "
                                    + "network, oldest first (decisions are in the audit)")
                            List<ItemChangeView> history) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static InboxItemView of(InboxItem item, List<NetworkActionView> actions, List<ItemChangeView> history) {
        return new InboxItemView(item.id, item.brandId, item.source, item.kind, item.rating, item.author, item.text, item.url,
                item.attachments == null ? List.of() : List.of(item.attachments), item.thread, item.language, item.sentiment, item.sentimentScore, item.status, item.assignee,
                item.tags == null ? List.of() : List.of(item.tags), item.publishedAt, item.receivedAt, item.version,
                item.firstResponseAt, item.slaDueAt, item.slaBreachedAt, labels(item.labels),
                NetworkActionView.current(actions), actions, item.editedAt, item.withdrawnAt, item.withdrawnReason, history);
    }

    private static JsonNode labels(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox_item.labels is not JSON", e);
        }
    }
}
