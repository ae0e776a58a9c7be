package io.tribu.listening.source.rss;

import io.tribu.listening.source.GuardedFetcher;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.HtmlText;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Reads RSS 0.9x/1.0/2.0 and Atom with ROME, into heard items with a stable id each. */
@ApplicationScoped
public class FeedParser {

    static final int MAX_TEXT = 20_000;

    public List<HeardItem> parse(byte[] body, Instant fetchedAt) throws IOException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no external entities from untrusted feeds
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new GuardedFetcher.SourceException("not an RSS or Atom feed: " + e.getMessage());
        }
        return feed.getEntries().stream()
                .map(entry -> item(entry, fetchedAt))
                .filter(Objects::nonNull)
                .toList();
    }

    private static HeardItem item(SyndEntry entry, Instant fetchedAt) {
        String title = HtmlText.plain(entry.getTitle());
        String body = HtmlText.plain(description(entry));
        String text = title.isEmpty() ? body : body.isEmpty() || body.startsWith(title) ? title : title + " — " + body;
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : fetchedAt;
        String author = entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor().trim();
        return new HeardItem(externalId(entry, text), "post", text, entry.getLink(), author, null, null, published);
    }

    /** The entry's guid (RSS) or id (Atom), else its link, else a digest of its text. */
    private static String externalId(SyndEntry entry, String text) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().trim();
        }
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String description(SyndEntry entry) {
        if (entry.getDescription() != null) {
            return entry.getDescription().getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(Objects::nonNull).findFirst().orElse("");
    }
}
