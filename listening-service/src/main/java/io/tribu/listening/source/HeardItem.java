package io.tribu.listening.source;

import io.tribu.listening.mention.NewMention;

import java.time.Instant;

/**
 * One thing heard at a source (a feed entry, a toot), reduced to what a mention needs.
 * {@code externalId} is the source's own id for it, so hearing it again stores nothing.
 *
 * @param quotedUrl            the post a quote post quotes, else null
 * @param publishedAtEstimated the source gave no readable time: {@code publishedAt} is when it was fetched
 */
public record HeardItem(String externalId, String kind, String text, String link, String author, Long authorReach,
                        String language, Instant publishedAt, String quotedUrl, boolean publishedAtEstimated) {

    /** The mention this item is for the brand of the source it was heard at. */
    public NewMention at(Source source) {
        return new NewMention(source.id, externalId, source.type, kind, source.ownedChannel, author, authorReach,
                text, link, language, publishedAt, quotedUrl, publishedAtEstimated);
    }
}
