package io.tribu.listening.source.rss;

import java.time.Instant;

/** One entry of an RSS or Atom feed, reduced to what a mention needs. */
public record FeedItem(String externalId, String text, String link, String author, Instant publishedAt) {
}
