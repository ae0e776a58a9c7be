package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.tribu.listening.source.HeardItem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jetstream post as a person reads it on Bluesky: links written out in full (the text holds a shortened display
 * form; the full URL sits in a link facet over a range of UTF-8 bytes), the link card it shows (title, description,
 * URL), the alt texts of its images when it has no words, and the post it quotes.
 */
public final class BlueskyPosts {

    private static final Pattern AT_POST = Pattern.compile("^at://([^/]+)/app\\.bsky\\.feed\\.post/([^/]+)$");

    private BlueskyPosts() {
    }

    /**
     * The item a created or updated post is, or null when it has nothing to read.
     *
     * @param profiles the author's handle and followers when known (null otherwise)
     */
    public static HeardItem item(JetstreamEvent event, Function<String, BlueskyProfiles.Profile> profiles, Instant now) {
        JetstreamEvent.Post post = event.commit().record();
        String quoted = quoted(post.embed());
        String text = text(post);
        if (text.isBlank() && quoted != null) {
            text = quoted;
        }
        if (text.isBlank()) {
            return null;
        }
        BlueskyProfiles.Profile profile = profiles.apply(event.did());
        String rkey = event.commit().rkey();
        Instant published = publishedAt(post, event);
        return new HeardItem(event.postUri(), post.reply() == null ? "post" : "reply", text,
                "https://bsky.app/profile/" + event.did() + "/post/" + rkey,
                profile == null ? event.did() : "@" + profile.handle(), profile == null ? null : profile.followers(),
                language(post.langs()), published == null ? now : published, quoted, published == null);
    }

    /** The primary language of the first declared one ("en-US" is "en"); null when it is not an ISO 639-1 code. */
    static String language(List<String> langs) {
        if (langs == null || langs.isEmpty() || langs.get(0) == null) {
            return null;
        }
        String primary = langs.get(0).split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    static String text(JetstreamEvent.Post post) {
        StringBuilder text = new StringBuilder(withFullLinks(post.text() == null ? "" : post.text(), post.facets()));
        JsonNode embed = post.embed();
        if (embed != null && "app.bsky.embed.recordWithMedia".equals(embed.path("$type").asText())) {
            embed = embed.path("media");
        }
        if (embed != null) {
            JsonNode card = embed.path("external");
            if (card.isObject()) {
                List<String> lines = new ArrayList<>();
                for (String field : List.of("title", "description", "uri")) {
                    String value = card.path(field).asText("").strip();
                    if (!value.isEmpty() && (!field.equals("uri") || text.indexOf(value) < 0)) {
                        lines.add(value);
                    }
                }
                append(text, String.join("\n", lines));
            }
            if (text.toString().isBlank()) {
                List<String> alts = new ArrayList<>();
                embed.path("images").forEach(image -> alts.add(image.path("alt").asText("").strip()));
                alts.add(embed.path("alt").asText("").strip());
                append(text, String.join("\n", alts.stream().filter(a -> !a.isEmpty()).toList()));
            }
        }
        return text.toString().strip();
    }

    private static void append(StringBuilder text, String part) {
        if (!part.isEmpty()) {
            text.append(text.length() == 0 ? "" : "\n\n").append(part);
        }
    }

    /**
     * Replaces the display text of each link facet with the facet's full URL. Ranges are UTF-8 byte offsets;
     * one that overlaps another, leaves the text or cuts a character in two is not the text's and is left alone.
     */
    static String withFullLinks(String text, List<JetstreamEvent.Facet> facets) {
        if (facets == null || facets.isEmpty()) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<JetstreamEvent.Facet> links = facets.stream()
                .filter(f -> f.index() != null && f.features() != null && linkOf(f) != null)
                .sorted(Comparator.comparingInt(f -> f.index().byteStart()))
                .toList();
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (JetstreamEvent.Facet facet : links) {
            int start = facet.index().byteStart();
            int end = facet.index().byteEnd();
            if (start < at || end <= start || end > bytes.length || !boundary(bytes, start) || !boundary(bytes, end)) {
                continue;
            }
            out.append(new String(bytes, at, start - at, StandardCharsets.UTF_8)).append(linkOf(facet));
            at = end;
        }
        return out.append(new String(bytes, at, bytes.length - at, StandardCharsets.UTF_8)).toString();
    }

    private static String linkOf(JetstreamEvent.Facet facet) {
        for (JetstreamEvent.Feature feature : facet.features()) {
            if ("app.bsky.richtext.facet#link".equals(feature.type()) && feature.uri() != null
                    && feature.uri().matches("(?i)https?://\\S+")) {
                return feature.uri();
            }
        }
        return null;
    }

    /** A UTF-8 continuation byte is the middle of a character: no range may start or end before one. */
    private static boolean boundary(byte[] bytes, int index) {
        return index == bytes.length || (bytes[index] & 0xC0) != 0x80;
    }

    /** The web link of the post a quote post quotes (alone or with media), else null. */
    static String quoted(JsonNode embed) {
        if (embed == null) {
            return null;
        }
        String uri = switch (embed.path("$type").asText()) {
            case "app.bsky.embed.record" -> embed.path("record").path("uri").asText(null);
            case "app.bsky.embed.recordWithMedia" -> embed.path("record").path("record").path("uri").asText(null);
            default -> null;
        };
        if (uri == null) {
            return null;
        }
        Matcher post = AT_POST.matcher(uri);
        return post.matches() ? "https://bsky.app/profile/" + post.group(1) + "/post/" + post.group(2) : uri;
    }

    /** The time the post says it was written, else when Jetstream saw it; null when neither reads. */
    private static Instant publishedAt(JetstreamEvent.Post post, JetstreamEvent event) {
        try {
            return post.createdAt() != null ? Instant.parse(post.createdAt())
                    : event.timeUs() > 0 ? Instant.EPOCH.plus(event.timeUs(), ChronoUnit.MICROS) : null;
        } catch (DateTimeParseException e) {
            return event.timeUs() > 0 ? Instant.EPOCH.plus(event.timeUs(), ChronoUnit.MICROS) : null;
        }
    }
}
