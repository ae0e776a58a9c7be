package io.tribu.listening.mention;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tribu.listening.query.MatchedQuery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of the {@code tribu.listening.mention.updated.v1} event: a stored mention was edited at its source. Carries
 * what the edit may change (text, language, sentiment, matched queries, link, quoted post), so a consumer replaces
 * them in the mention it holds. Schema and example live in {@code src/main/resources/events/}.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
public record MentionUpdated(UUID mentionId, String brandId, String source, String kind, String text, String url,
                             String quotedUrl, String language, Instant publishedAt, Instant editedAt,
                             List<UUID> matchedQueryIds, List<MatchedQuery> matchedQueries,
                             MentionRecorded.SentimentData sentiment, UUID storyId) {

    public static final String TYPE = "tribu.listening.mention.updated.v1";

    static MentionUpdated of(Mention mention, List<MatchedQuery> matches) {
        return new MentionUpdated(mention.id, mention.brandId, mention.source, mention.kind, mention.text, mention.url,
                mention.quotedUrl, mention.language, mention.publishedAt, mention.editedAt,
                matches.stream().map(MatchedQuery::id).toList(), matches, MentionRecorded.SentimentData.of(mention),
                mention.storyId);
    }
}
