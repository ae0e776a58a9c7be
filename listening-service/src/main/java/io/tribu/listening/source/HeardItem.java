package io.tribu.listening.source;

import java.time.Instant;

/**
 * One thing heard at a source (a feed entry, a toot), reduced to what a mention needs.
 * {@code externalId} is the source's own id for it, so hearing it again stores nothing.
 */
public record HeardItem(String externalId, String kind, String text, String link, String author, Long authorReach,
                        String language, Instant publishedAt) {
}
