package io.tribu.publishing.network;

import java.util.regex.Pattern;

/** How a network measures the length of a text. */
public enum TextUnit {

    /**
     * Unicode code points: an emoji outside the BMP counts once, not twice as UTF-16
     * {@link String#length()} would.
     */
    CHARACTERS("characters") {
        @Override
        public int measure(String text) {
            return text.codePointCount(0, text.length());
        }
    },

    /**
     * User-perceived characters (extended grapheme clusters): e + U+0301, a family emoji joined by
     * ZWJ, a skin-toned thumb or a flag each count once. The regex {@code \\X} follows Unicode's
     * extended rules on Java 17, where BreakIterator still splits emoji sequences.
     */
    GRAPHEMES("graphemes") {
        @Override
        public int measure(String text) {
            return (int) GRAPHEME.matcher(text).results().count();
        }
    };

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private final String label;

    TextUnit(String label) {
        this.label = label;
    }

    public abstract int measure(String text);

    /** Plural noun used in messages: "300 graphemes". */
    public String label() {
        return label;
    }
}
