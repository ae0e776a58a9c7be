package io.tribu.listening.mention;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.tribu.listening.query.MatchedQuery;

/**
 * Data of the {@code tribu.listening.mention.recorded.v1} event. Schema and example live in
 * {@code src/main/resources/events/}; changes are additive, a breaking change is a new version.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
public record MentionRecorded(UUID mentionId, String brandId, String source, String kind,
                              boolean ownedChannel, String author, Long authorReach, String text,
                              String url, String language, Instant publishedAt, List<UUID> matchedQueryIds,
                              List<MatchedQuery> matchedQueries,
                              SentimentData sentiment, UUID storyId, String quotedUrl,
                              boolean publishedAtEstimated) {

    public static final String TYPE = "tribu.listening.mention.recorded.v1";

    static MentionRecorded of(Mention mention, List<MatchedQuery> matches) {
        return new MentionRecorded(mention.id, mention.brandId, mention.source, mention.kind,
                mention.ownedChannel, mention.author, mention.authorReach, mention.text,
                mention.url, mention.language, mention.publishedAt,
                matches.stream().map(MatchedQuery::id).toList(), matches,
                SentimentData.of(mention), mention.storyId, mention.quotedUrl, mention.publishedAtEstimated);
    }

    /** @param label negative, neutral or positive; @param score -1..+1 */
    @RegisterForReflection
    public record SentimentData(String label, double score) {

        static SentimentData of(Mention mention) {
            return mention.sentimentLabel == null ? null : new SentimentData(mention.sentimentLabel, mention.sentimentScore);
        }
    }
}
