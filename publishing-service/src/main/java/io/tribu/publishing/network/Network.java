package io.tribu.publishing.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The networks a post can be written for, each with the longest text it accepts. Limits are those of
 * the networks' default instances and plans (Mastodon 500, Bluesky 300 graphemes, LinkedIn 3,000,
 * X 280 weighted, Facebook 63,206, Instagram captions 2,200).
 */
public enum Network {
    MASTODON(500, TextUnit.CHARACTERS),
    BLUESKY(300, TextUnit.GRAPHEMES),
    LINKEDIN(3000, TextUnit.CHARACTERS),
    X(280, TextUnit.X_WEIGHTED),
    FACEBOOK(63206, TextUnit.CHARACTERS),
    INSTAGRAM(2200, TextUnit.CHARACTERS);

    private final int maxLength;
    private final TextUnit unit;

    Network(int maxLength, TextUnit unit) {
        this.maxLength = maxLength;
        this.unit = unit;
    }

    /** The network's name in the API, in events and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int maxLength() {
        return maxLength;
    }

    public TextUnit unit() {
        return unit;
    }

    /** Length of the text as this network counts it. */
    public int lengthOf(String text) {
        return unit.measure(text);
    }

    /** A rule other than length that a text breaks: the variant's field, a message template and its parameters. */
    public record Broken(String field, String template, java.util.Map<String, String> parameters) {
    }

    private static final java.util.regex.Pattern HASHTAG = java.util.regex.Pattern.compile("(?U)(?<![\\w#])#\\w+");
    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("(?<![\\w@])@[A-Za-z0-9._]+");
    static final int INSTAGRAM_HASHTAGS = 30;
    static final int INSTAGRAM_MENTIONS = 20;

    /**
     * Rules beyond the length. Media, as each network takes them through its adapter: Mastodon 4 attachments
     * (a video alone), Bluesky 4 images (videos go through another service), Instagram one image or video, or a
     * carousel of 2 to 10, and needs one; Facebook links one; X 4 images, LinkedIn images (as many as a variant
     * has, at most 10): their adapters upload no videos yet, so a variant with one is refused rather than published
     * without it. Instagram captions: at most 30 hashtags and 20 @mentions (Meta's content publishing limits).
     */
    public java.util.List<Broken> otherRulesBrokenBy(String text, java.util.List<String> media) {
        java.util.List<Broken> broken = new java.util.ArrayList<>();
        mediaRuleBrokenBy(media == null ? java.util.List.of() : media).ifPresent(broken::add);
        if (this != INSTAGRAM || text == null) {
            return broken;
        }
        long hashtags = HASHTAG.matcher(text).results().count();
        if (hashtags > INSTAGRAM_HASHTAGS) {
            broken.add(new Broken("text", "instagram allows at most {limit} hashtags, this text has {count}",
                    java.util.Map.of("limit", Integer.toString(INSTAGRAM_HASHTAGS), "count", Long.toString(hashtags))));
        }
        long mentions = MENTION.matcher(text).results().count();
        if (mentions > INSTAGRAM_MENTIONS) {
            broken.add(new Broken("text", "instagram allows at most {limit} @mentions, this text has {count}",
                    java.util.Map.of("limit", Integer.toString(INSTAGRAM_MENTIONS), "count", Long.toString(mentions))));
        }
        return broken;
    }

    private Optional<Broken> mediaRuleBrokenBy(java.util.List<String> media) {
        int count = media.size();
        long videos = media.stream().filter(url -> MediaKind.of(url) == MediaKind.VIDEO).count();
        String rule = switch (this) {
            case MASTODON -> count > 4 ? "mastodon takes at most 4 media, this variant has {count}"
                    : videos > 0 && count > 1 ? "mastodon takes a video alone, without other media" : null;
            case BLUESKY -> videos > 0 ? "bluesky takes images only, no video"
                    : count > 4 ? "bluesky takes at most 4 images, this variant has {count}" : null;
            case INSTAGRAM -> count == 0 ? "instagram needs an image or a video"
                    : count > 10 ? "instagram takes one image or video, or a carousel of 2 to 10, this variant has {count}" : null;
            case FACEBOOK -> count > 1 ? "facebook links at most one image or video, this variant has {count}" : null;
            case X -> videos > 0 ? "x takes images only for now, no video"
                    : count > 4 ? "x takes at most 4 images, this variant has {count}" : null;
            case LINKEDIN -> videos > 0 ? "linkedin takes images only for now, no video" : null;
        };
        return Optional.ofNullable(rule).map(template -> new Broken("media", template,
                java.util.Map.of("network", wire(), "count", Integer.toString(count))));
    }

    /** Names are case-sensitive, as everywhere in the API. */
    public static Optional<Network> fromWire(String name) {
        return Arrays.stream(values()).filter(network -> network.wire().equals(name)).findFirst();
    }

    /** "mastodon, bluesky, linkedin", for messages and documentation. */
    public static String supported() {
        return Arrays.stream(values()).map(Network::wire).collect(Collectors.joining(", "));
    }
}
