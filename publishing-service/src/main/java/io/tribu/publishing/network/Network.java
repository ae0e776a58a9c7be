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

    /** Names are case-sensitive, as everywhere in the API. */
    public static Optional<Network> fromWire(String name) {
        return Arrays.stream(values()).filter(network -> network.wire().equals(name)).findFirst();
    }

    /** "mastodon, bluesky, linkedin", for messages and documentation. */
    public static String supported() {
        return Arrays.stream(values()).map(Network::wire).collect(Collectors.joining(", "));
    }
}
