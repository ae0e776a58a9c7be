package io.tribu.analytics.mention;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tribu.analytics.event.IncomingEvent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The fields analytics reads from listening's {@code tribu.listening.mention.recorded.v1} event.
 * Unknown fields are ignored so that additive changes on the producer side never break this reader.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionRecordedReader(UUID id, String type, String subject, String tenant, Data data)
        implements IncomingEvent {

    public static final String TYPE = "tribu.listening.mention.recorded.v1";

    /** Sentiment labels counted as such; anything else (or none, in older events) is "unscored". */
    public static final Set<String> LABELS = Set.of("positive", "neutral", "negative");
    public static final String UNSCORED = "unscored";

    /**
     * {@code sentiment}, {@code matchedQueries}, {@code author}, {@code text} and {@code storyId} are
     * optional: older events carry none of them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, String source, String language, Long authorReach,
                       Instant publishedAt, String author, String text, Sentiment sentiment,
                       List<MatchedQuery> matchedQueries, UUID storyId, String url) {

        /** positive, neutral, negative, or unscored when the event has no (known) label. */
        public String sentimentLabel() {
            if (sentiment == null || sentiment.label() == null) {
                return UNSCORED;
            }
            String label = sentiment.label().toLowerCase(Locale.ROOT);
            return LABELS.contains(label) ? label : UNSCORED;
        }

        public List<MatchedQuery> queries() {
            return matchedQueries == null ? List.of()
                    : matchedQueries.stream().filter(query -> query != null && query.id() != null).toList();
        }

        /**
         * Whether the mention speaks of the brand itself: it matched one of the brand's own queries, or no query at all
         * (comments on the brand's own accounts, events older than queries). Only competitors' queries: it does not.
         */
        public boolean aboutBrand() {
            List<MatchedQuery> matched = queries();
            return matched.isEmpty() || matched.stream().anyMatch(query -> !query.aboutCompetitor());
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
    public String defect() {
        if (id == null) {
            return "missing id";
        }
        if (!TYPE.equals(type)) {
            return "unexpected type " + type;
        }
        if (tenant == null || tenant.isBlank()) {
            return "missing tenant";
        }
        if (data == null || data.brandId() == null || data.publishedAt() == null) {
            return "missing data.brandId or data.publishedAt";
        }
        return null;
    }
}
