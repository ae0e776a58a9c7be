package io.tribu.listening.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceRequest")
public record SourceRequest(
        @Schema(examples = "rss", enumeration = {"rss", "mastodon", "bluesky", "youtube", "webhook"}, description = "rss: an RSS 2.0 or Atom feed (blogs, forums, review sites, "
                + "Google Alerts); youtube: public videos whose title or description match `query` (YouTube Data API "
                + "search, with `apiKey`); webhook: a system pushes signed mentions")
        @NotBlank @Pattern(regexp = "rss|mastodon|bluesky|youtube|webhook", message = "must be rss, mastodon, bluesky, youtube or webhook") String type,
        @Schema(examples = "https://blog.example.fr/feed.xml", description = "rss: the feed; mastodon: the instance, e.g. https://piaille.fr; "
                + "bluesky: the Jetstream instance, e.g. https://jetstream2.us-east.bsky.network")
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(examples = "900", description = "Seconds between polls (default 900; bluesky 10; youtube: derived from the daily "
                + "quota budget, 864 for 10,000 units, and never less)")
        @Min(value = 1, message = "must be at least 1 second") @Max(value = 86400, message = "must be at most 86400 seconds (a day)")
        Integer pollIntervalSeconds,
        @Schema(description = "True when the feed is one of the brand's own channels (its items go to moderation)")
        Boolean ownedChannel,
        @Schema(examples = "cafelumiere", description = "mastodon, bluesky: the hashtag to follow, without #")
        @Pattern(regexp = "\\p{L}[\\p{L}\\p{N}_]{0,99}", message = "must be a hashtag without # (letters, digits, _)")
        String hashtag,
        @Schema(examples = "\"café lumière\" | cafelumiere -recette", description = "youtube: the search terms (YouTube's "
                + "syntax: words, \"phrase\", | for or, - to exclude)")
        @Size(max = 500, message = "must be at most 500 characters") String query,
        @Schema(examples = "AIzaSyD-EXAMPLE-key-0123456789abcdefghi", writeOnly = true, description = "youtube: the YouTube Data "
                + "API key the searches are made with (its Google project's quota); stored, never shown again")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be visible ASCII characters") String apiKey) {

    /** Without the API key: a request is never printed with it. */
    @Override
    public String toString() {
        return "SourceRequest[type=" + type + ", url=" + url + ", pollIntervalSeconds=" + pollIntervalSeconds
                + ", ownedChannel=" + ownedChannel + ", hashtag=" + hashtag + ", query=" + query + ", apiKey="
                + (apiKey == null ? null : "***") + "]";
    }
}
