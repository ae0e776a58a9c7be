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
    },

    /**
     * X's weighted length (twitter-text v3 configuration): after NFC normalisation, a URL counts 23
     * whatever its length, an emoji (a whole sequence, ZWJ families and flags included) counts 2, a code
     * point in Latin, Greek, Cyrillic, Hebrew, Arabic... (U+0000-U+10FF) or general punctuation
     * (U+2000-U+200D, U+2010-U+201F, U+2032-U+2037) counts 1, any other (CJK, Hangul, Japanese kana)
     * counts 2. The 280 limit is thus 140 Chinese characters.
     */
    X_WEIGHTED("weighted characters") {
        @Override
        public int measure(String text) {
            String normalized = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
            java.util.regex.Matcher urls = URL.matcher(normalized);
            int weight = 0;
            int from = 0;
            StringBuilder rest = new StringBuilder();
            while (urls.find()) {
                rest.append(normalized, from, urls.start()).append(' ');
                weight += X_URL_LENGTH - 1;
                from = urls.end();
            }
            rest.append(normalized.substring(from));
            java.util.regex.Matcher graphemes = GRAPHEME.matcher(rest);
            while (graphemes.find()) {
                String grapheme = graphemes.group();
                if (isEmoji(grapheme)) {
                    weight += 2;
                } else {
                    weight += grapheme.codePoints().map(TextUnit::xWeight).sum();
                }
            }
            return weight;
        }
    };

    static final int X_URL_LENGTH = 23;
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    /** What X turns into a t.co link: a scheme URL, or a bare domain with a common TLD. */
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://[^\\s]+|(?:[a-z0-9-]+\\.)+(?:com|org|net|fr|io|co|de|uk|be|ch|ca|eu|app|dev)(?:/[^\\s]*)?)");

    private static int xWeight(int codePoint) {
        boolean light = codePoint <= 0x10FF || (codePoint >= 0x2000 && codePoint <= 0x200D)
                || (codePoint >= 0x2010 && codePoint <= 0x201F) || (codePoint >= 0x2032 && codePoint <= 0x2037);
        return light ? 1 : 2;
    }

    private static boolean isEmoji(String grapheme) {
        int first = grapheme.codePointAt(0);
        return Character.isSurrogate(grapheme.charAt(0)) && (first >= 0x1F000 && first <= 0x1FAFF)
                || (first >= 0x2600 && first <= 0x27BF) || (first >= 0x1F1E6 && first <= 0x1F1FF)
                || grapheme.indexOf('\uFE0F') >= 0;
    }

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
