package io.tribu.listening.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceRequest")
public record SourceRequest(
        @Schema(examples = "rss", enumeration = {"rss", "mastodon", "bluesky", "webhook"}, description = "rss: an RSS 2.0 or Atom feed (blogs, forums, review sites, "
                + "Google Alerts); webhook: a system pushes signed mentions")
        @NotBlank @Pattern(regexp = "rss|mastodon|bluesky|webhook", message = "must be rss, mastodon, bluesky or webhook") String type,
        @Schema(examples = "https://blog.example.fr/feed.xml", description = "rss: the feed; mastodon: the instance, e.g. https://piaille.fr; "
                + "bluesky: the Jetstream instance, e.g. https://jetstream2.us-east.bsky.network")
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(examples = "900", description = "Seconds between polls (default 900; bluesky 10)")
        @Min(value = 1, message = "must be at least 1 second") @Max(value = 86400, message = "must be at most 86400 seconds (a day)")
        Integer pollIntervalSeconds,
        @Schema(description = "True when the feed is one of the brand's own channels (its items go to moderation)")
        Boolean ownedChannel,
        @Schema(examples = "cafelumiere", description = "mastodon, bluesky: the hashtag to follow, without #")
        @Pattern(regexp = "\\p{L}[\\p{L}\\p{N}_]{0,99}", message = "must be a hashtag without # (letters, digits, _)")
        String hashtag) {
}
