package io.tribu.listening.query;

/**
 * A mention as the matcher sees it: its text plus exact-value metadata.
 *
 * @param language detected ISO 639-1 code, may be null
 * @param source   mastodon, bluesky, rss, webhook...; may be null
 * @param author   display name or handle, may be null
 */
public record MentionDocument(String tenant, String brandId, String text, String language, String source,
                              String author) {
}
