package io.tribu.publishing.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {

    /** Escapes keep invisible code points (combining marks, variation selectors) readable. */
    @ParameterizedTest(name = "{0}: {2} characters, {3} graphemes, {4} UTF-16 units")
    @CsvSource(delimiter = '|', textBlock = """
            ascii                      | hello                | 5 | 5 | 5
            emoji outside the BMP      | \uD83D\uDE00         | 1 | 1 | 2
            two emoji                  | \uD83C\uDF84\u2615   | 2 | 2 | 3
            e and a combining accent   | e\u0301              | 2 | 1 | 2
            precomposed accent         | é                    | 1 | 1 | 1
            heart and variation select | \u2764\uFE0F         | 2 | 1 | 2
            Korean jamo syllable       | \u1100\u1161\u11A8   | 3 | 1 | 3
            family joined by ZWJ       | \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 | 5 | 1 | 8
            thumb with skin tone       | \uD83D\uDC4D\uD83C\uDFFD | 2 | 1 | 4
            French flag                | \uD83C\uDDEB\uD83C\uDDF7 | 2 | 1 | 4
            """)
    void textUnitsCount(String name, String text, int characters, int graphemes, int utf16) {
        assertEquals(utf16, text.length(), "test data");
        assertEquals(characters, TextUnit.CHARACTERS.measure(text), "characters");
        assertEquals(graphemes, TextUnit.GRAPHEMES.measure(text), "graphemes");
    }

    @ParameterizedTest(name = "{0} allows {1} {2}")
    @CsvSource({
            "mastodon, 500, characters",
            "bluesky, 300, graphemes",
            "linkedin, 3000, characters",
            "x, 280, weighted characters",
            "facebook, 63206, characters",
            "instagram, 2200, characters"})
    void eachNetworkHasItsLimit(String wire, int limit, String unit) {
        Network network = Network.fromWire(wire).orElseThrow();
        assertEquals(limit, network.maxLength());
        assertEquals(unit, network.unit().label());
        assertEquals(limit, network.lengthOf("a".repeat(limit)));
    }

    @Test
    void namesAreLowercaseAndExact() {
        assertTrue(Network.fromWire("Mastodon").isEmpty());
        assertTrue(Network.fromWire("twitter").isEmpty());
        assertTrue(Network.fromWire("").isEmpty());
        assertEquals("mastodon, bluesky, linkedin, x, facebook, instagram", Network.supported());
    }

    @Test
    void blueskyCountsWhatAReaderSees() {
        // 300 accented letters written with combining marks: 600 code points, 300 graphemes.
        String accented = "e\u0301".repeat(300);
        assertEquals(300, Network.BLUESKY.lengthOf(accented));
        assertEquals(600, Network.MASTODON.lengthOf(accented));
    }

    /** X's weights (twitter-text v3): URLs 23 whatever their length, CJK and emoji 2, Latin and punctuation 1. */
    @ParameterizedTest(name = "{0}: weighs {2}")
    @CsvSource(delimiter = '|', textBlock = """
            latin                   | Bonjour à tous                                   | 14
            long URL                | https://www.cafe-lumiere.fr/carte/hiver?utm=x    | 23
            short URL in text       | Menu : https://t.co/a                            | 30
            bare domain             | voir cafe-lumiere.fr                             | 28
            Chinese                 | 你好世界                                          | 8
            Japanese kana           | こんにちは                                        | 10
            emoji                   | \uD83C\uDF84\u2615                               | 4
            family joined by ZWJ    | \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 | 2
            flag                    | \uD83C\uDDEB\uD83C\uDDF7                        | 2
            curly quotes and dash   | \u201Cok\u201D \u2014 oui                        | 10
            """)
    void xWeighsLikeTwitterText(String name, String text, int weight) {
        assertEquals(weight, Network.X.lengthOf(text));
    }

    @Test
    void xAllowsTwoHundredEightyWeightedCharacters() {
        assertEquals(280, Network.X.lengthOf("你".repeat(140)));
        assertEquals(281, Network.X.lengthOf("你".repeat(140) + "a"));
        assertEquals(280, Network.X.lengthOf("a".repeat(256) + " https://example.com/" + "x".repeat(200)));
    }

    @Test
    void instagramCountsHashtagsAndMentionsAndNeedsMedia() {
        String thirty = "#tag ".repeat(30) + "@a ".repeat(20) + "mail@example.com";
        java.util.List<String> photo = java.util.List.of("https://cdn.example.fr/a.jpg");
        assertEquals(java.util.List.of("media"), Network.INSTAGRAM.otherRulesBrokenBy(thirty, java.util.List.of()).stream()
                .map(Network.Broken::field).toList());
        assertTrue(Network.INSTAGRAM.otherRulesBrokenBy(thirty, photo).isEmpty());
        var broken = Network.INSTAGRAM.otherRulesBrokenBy("#tag ".repeat(31) + "@a ".repeat(21), photo);
        assertEquals(2, broken.size());
        assertEquals(java.util.Map.of("limit", "30", "count", "31"), broken.get(0).parameters());
        assertEquals(java.util.Map.of("limit", "20", "count", "21"), broken.get(1).parameters());
        assertTrue(Network.MASTODON.otherRulesBrokenBy("#tag ".repeat(40), java.util.List.of()).isEmpty());
    }

    /** Each network's media rule: how many media of which kind its adapter publishes. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} with {1} images and {2} videos: {3}")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "ok", delimiter = '|', value = {
            "mastodon  | 0 | 0 | ok",
            "mastodon  | 4 | 0 | ok",
            "mastodon  | 0 | 1 | ok",
            "mastodon  | 5 | 0 | mastodon takes at most 4 media, this variant has {count}",
            "mastodon  | 1 | 1 | mastodon takes a video alone, without other media",
            "bluesky   | 4 | 0 | ok",
            "bluesky   | 5 | 0 | bluesky takes at most 4 images, this variant has {count}",
            "bluesky   | 0 | 1 | bluesky takes images only, no video",
            "instagram | 0 | 0 | instagram needs an image or a video",
            "instagram | 1 | 0 | ok",
            "instagram | 0 | 1 | ok",
            "instagram | 7 | 3 | ok",
            "instagram | 10 | 1 | instagram takes one image or video, or a carousel of 2 to 10, this variant has {count}",
            "facebook  | 1 | 0 | ok",
            "facebook  | 2 | 0 | facebook links at most one image or video, this variant has {count}",
            "x         | 0 | 0 | ok",
            "x         | 4 | 0 | ok",
            "x         | 5 | 0 | x takes at most 4 images, this variant has {count}",
            "x         | 1 | 1 | x takes images only for now, no video",
            "linkedin  | 1 | 0 | ok",
            "linkedin  | 10 | 0 | ok",
            "linkedin  | 0 | 1 | linkedin takes images only for now, no video",
    })
    void mediaGoOnlyWhereAndAsTheAdapterPublishesThem(String network, int images, int videos, String broken) {
        java.util.List<String> media = new java.util.ArrayList<>();
        for (int i = 0; i < images; i++) {
            media.add("https://cdn.example.fr/photo-" + i + ".JPG?v=2");
        }
        for (int i = 0; i < videos; i++) {
            media.add("https://cdn.example.fr/clip-" + i + ".mp4");
        }
        var rules = Network.fromWire(network).orElseThrow().otherRulesBrokenBy("Bonjour", media);
        assertEquals(broken == null ? java.util.List.of() : java.util.List.of(broken),
                rules.stream().map(Network.Broken::template).toList());
        rules.forEach(rule -> assertEquals("media", rule.field()));
        assertTrue(Network.X.otherRulesBrokenBy("Bonjour", null).isEmpty());
    }

    @Test
    void mediaKindGoesByTheFileExtensionOfThePath() {
        assertEquals(MediaKind.VIDEO, MediaKind.of("https://cdn.example.fr/v/clip.MOV"));
        assertEquals(MediaKind.VIDEO, MediaKind.of("https://cdn.example.fr/clip.webm?token=a.jpg"));
        assertEquals(MediaKind.IMAGE, MediaKind.of("https://cdn.example.fr/mp4/photo.png"));
        assertEquals(MediaKind.IMAGE, MediaKind.of("https://cdn.example.fr/photo"));
    }
}
