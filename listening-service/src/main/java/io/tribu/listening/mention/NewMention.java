package io.tribu.listening.mention;

import java.time.Instant;
import java.util.UUID;

/**
 * A mention about to be stored, whoever heard it: a person or system through the API (no source id),
 * or one of the brand's sources (source id and the item's id at that source, for deduplication).
 *
 * @param quotedUrl            the post a quote post quotes
 * @param publishedAtEstimated the source gave no readable time: {@code publishedAt} is the fetch time
 */
public record NewMention(UUID sourceId, String externalId, String source, String kind, boolean ownedChannel,
                         String author, Long authorReach, String text, String url, String language, Instant publishedAt,
                         String quotedUrl, boolean publishedAtEstimated) {

    /** A mention that quotes nothing, with the time its sender gave. */
    public NewMention(UUID sourceId, String externalId, String source, String kind, boolean ownedChannel, String author,
                      Long authorReach, String text, String url, String language, Instant publishedAt) {
        this(sourceId, externalId, source, kind, ownedChannel, author, authorReach, text, url, language, publishedAt,
                null, false);
    }

    static NewMention of(MentionRequest request) {
        return new NewMention(null, request.externalId(), request.source(), request.kind() == null ? "post" : request.kind(),
                Boolean.TRUE.equals(request.ownedChannel()), request.author(), null, request.text(), request.url(),
                request.language(), request.publishedAt());
    }
}
