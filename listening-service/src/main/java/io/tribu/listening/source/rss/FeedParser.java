package io.tribu.listening.source.rss;

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
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RSS 0.9x/1.0/2.0 and Atom with ROME, into feed items with a stable id each. */
@ApplicationScoped
public class FeedParser {

    static final int MAX_TEXT = 20_000;
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
            "rsquo", "’", "lsquo", "‘", "hellip", "…", "eacute", "é");

    public List<FeedItem> parse(byte[] body, Instant fetchedAt) throws IOException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no external entities from untrusted feeds
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedFetcher.FeedException("not an RSS or Atom feed: " + e.getMessage());
        }
        return feed.getEntries().stream()
                .map(entry -> item(entry, fetchedAt))
                .filter(Objects::nonNull)
                .toList();
    }

    private static FeedItem item(SyndEntry entry, Instant fetchedAt) {
        String title = plain(entry.getTitle());
        String body = plain(description(entry));
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
        return new FeedItem(externalId(entry, text), text, entry.getLink(), author, published);
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

    private static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = ENTITY.matcher(TAGS.matcher(html).replaceAll(" ")).replaceAll(entity ->
                Matcher.quoteReplacement(decode(entity.group(1), entity.group())));
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** Numeric references in full, the common named ones; anything else is left as written. */
    private static String decode(String reference, String original) {
        if (reference.startsWith("#")) {
            boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
            int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : original;
        }
        return NAMED.getOrDefault(reference, original);
    }
}
