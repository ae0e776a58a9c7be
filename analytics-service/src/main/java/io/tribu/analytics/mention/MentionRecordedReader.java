package io.tribu.analytics.mention;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields analytics reads from listening's {@code tribu.listening.mention.recorded.v1} event.
 * Unknown fields are ignored so that additive changes on the producer side never break this reader.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionRecordedReader(UUID id, String type, String subject, String tenant, Data data)
        implements MentionLifecycleEvent {

    public static final String TYPE = "tribu.listening.mention.recorded.v1";

    /**
     * {@code sentiment}, {@code matchedQueries}, {@code author}, {@code authorReach}, {@code text} and {@code storyId}
     * are optional: older events carry none of them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, String source, String language, Long authorReach,
                       Instant publishedAt, String author, String text, Sentiment sentiment,
                       List<MatchedQuery> matchedQueries, UUID storyId, String url) {

        /** What the measures count of it. */
        public MentionContent content() {
            return MentionContent.of(publishedAt, source, language, sentiment, matchedQueries, text, url);
        }

        /** The author's name, null when the source gives none. */
        public String authorName() {
            return author == null || author.isBlank() ? null : author.strip();
        }

        public long reach() {
            return authorReach == null || authorReach < 0 ? 0L : authorReach;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sentiment(String label, Double score) {
    }

    /** A listening query the mention matched: it tracks the brand itself or a named competitor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MatchedQuery(UUID id, String name, String subject, String competitor) {

        public boolean aboutCompetitor() {
            return "competitor".equals(subject);
        }
    }

    @Override
    public String brandId() {
        return data.brandId();
    }

    @Override
    public UUID mentionId() {
        return data.mentionId();
    }

    @Override
    public List<MatchedQuery> matchedQueries() {
        return data.matchedQueries() == null ? List.of() : data.matchedQueries().stream().filter(query -> query != null && query.id() != null).toList();
    }

    @Override
    public MentionFact applyTo(MentionFact fact) {
        return fact.afterRecording(data.content(), data.authorName(), data.reach());
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.mentionId() == null || data.brandId() == null || data.publishedAt() == null) {
            return "missing data.mentionId, brandId or publishedAt";
        }
        return null;
    }
}
