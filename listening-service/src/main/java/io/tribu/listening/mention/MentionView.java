package io.tribu.listening.mention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mention as the API shows it. */
public record MentionView(UUID id, String brandId, String source, String externalId, String kind,
                          boolean ownedChannel, String author, Long authorReach, String text, String url,
                          String language, Instant publishedAt, Instant receivedAt,
                          MentionRecorded.SentimentData sentiment, UUID storyId, List<UUID> matchedQueryIds,
                          String quotedUrl, boolean publishedAtEstimated, Instant editedAt, Instant withdrawnAt) {

    static MentionView of(Mention mention) {
        return new MentionView(mention.id, mention.brandId, mention.source, mention.externalId, mention.kind,
                mention.ownedChannel, mention.author, mention.authorReach, mention.text,
                mention.url, mention.language, mention.publishedAt, mention.receivedAt,
                MentionRecorded.SentimentData.of(mention), mention.storyId,
                mention.matchedQueryIds == null ? List.of() : List.of(mention.matchedQueryIds), mention.quotedUrl,
                mention.publishedAtEstimated, mention.editedAt, mention.withdrawnAt);
    }
}
