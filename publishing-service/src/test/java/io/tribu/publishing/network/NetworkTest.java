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
            "linkedin, 3000, characters"})
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
}
