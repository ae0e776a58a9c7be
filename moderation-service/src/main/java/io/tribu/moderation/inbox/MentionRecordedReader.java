package io.tribu.moderation.inbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tribu.platform.intake.IncomingEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields moderation reads from listening's {@code tribu.listening.mention.recorded.v1} event;
 * only mentions heard on the brand's own channels become inbox items.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionRecordedReader(UUID id, String type, String tenant, Data data) implements IncomingEvent {

    public static final String TYPE = "tribu.listening.mention.recorded.v1";

    /**
     * externalId, thread and attachments are not in listening's event (null there); webhooks give the network's own
     * id, which publishing uses to act on the interaction, the conversation it belongs to, and the URLs of the
     * photos or files it carries. rating: a review's stars (1 to 5), null for anything else.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, String source, String kind, boolean ownedChannel,
                       String author, String text, String url, String language, Instant publishedAt,
                       Sentiment sentiment, String externalId, String thread, List<String> attachments, Integer rating) {

        /** An interaction without stars (all but reviews). */
        public Data(UUID mentionId, String brandId, String source, String kind, boolean ownedChannel,
                    String author, String text, String url, String language, Instant publishedAt,
                    Sentiment sentiment, String externalId, String thread, List<String> attachments) {
            this(mentionId, brandId, source, kind, ownedChannel, author, text, url, language, publishedAt, sentiment, externalId,
                    thread, attachments, null);
        }
    }

    /** positive, neutral or negative, with listening's confidence. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sentiment(String label, Double score) {
    }

    /** Why the event cannot be applied, or null when it can. */
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.mentionId() == null || data.brandId() == null || data.text() == null
                || data.publishedAt() == null || data.source() == null) {
            return "missing data.mentionId, brandId, source, text or publishedAt";
        }
        return null;
    }
}
