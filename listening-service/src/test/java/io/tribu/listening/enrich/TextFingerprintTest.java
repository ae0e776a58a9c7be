package io.tribu.listening.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFingerprintTest {

    static final String ARTICLE = "Café Lumière ouvre une troisième boutique à Lyon, dans le quartier de la Croix-Rousse. "
            + "La marque de torréfaction artisanale, née à Villeurbanne en 2019, promet des cafés de spécialité "
            + "torréfiés sur place chaque matin et un espace de dégustation ouvert jusqu'à 22 heures. "
            + "Les fondateurs annoncent aussi une gamme de capsules compostables pour le printemps prochain.";

    @Test
    void aSyndicatedCopyWithAnotherHeaderAndFooterIsTheSameStory() {
        String copy = "EXCLUSIF — " + ARTICLE + " Lire aussi : nos bonnes adresses du week-end. https://t.co/abc123";
        assertTrue(TextFingerprint.of(ARTICLE).sameStoryAs(TextFingerprint.of(copy)),
                () -> "distance " + TextFingerprint.of(ARTICLE).distanceTo(TextFingerprint.of(copy)));
    }

    @Test
    void aRepostIsTheSameStoryWhateverTheCaseAndAccents() {
        String post = "Je viens de goûter le nouveau café de spécialité de Café Lumière, une vraie merveille pour le matin";
        String repost = "RT @marie_d: je viens de gouter le nouveau cafe de specialite de CAFE LUMIERE, une vraie merveille pour le matin";
        assertTrue(TextFingerprint.of(post).sameStoryAs(TextFingerprint.of(repost)));
    }

    @Test
    void differentTextsAboutTheSameBrandAreDifferentStories() {
        String other = "Café Lumière ferme sa boutique de Villeurbanne après cinq ans : les fondateurs expliquent "
                + "que le loyer a doublé et qu'ils préfèrent se concentrer sur la vente en ligne et les cafés.";
        assertFalse(TextFingerprint.of(ARTICLE).sameStoryAs(TextFingerprint.of(other)),
                () -> "distance " + TextFingerprint.of(ARTICLE).distanceTo(TextFingerprint.of(other)));
    }

    @Test
    void shortTextsHaveNoFingerprint() {
        TextFingerprint one = TextFingerprint.of("J'adore Café Lumière !");
        assertFalse(one.isUsable());
        assertFalse(one.sameStoryAs(TextFingerprint.of("J'adore Café Lumière !")));
    }

    @Test
    void withinFourBitsTwoFingerprintsShareABandWhereverTheBitsAre() {
        TextFingerprint a = TextFingerprint.of(ARTICLE);
        // one flipped bit in each of four bands: the fifth must still be equal
        TextFingerprint b = new TextFingerprint(a.bits() ^ (1L << 12) ^ (1L << 13) ^ (1L << 38) ^ (1L << 63));
        boolean shared = false;
        for (int i = 0; i < TextFingerprint.BANDS; i++) {
            shared |= a.band(i) == b.band(i);
        }
        assertTrue(a.sameStoryAs(b));
        assertTrue(shared);
    }

    private static final long MASK = 0x00FF_F0F0_0F0F_FF00L;

    /** The packed counters give the bit-by-bit majority, also past 255 hashes (an article) when they are emptied. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17, 254, 255, 256, 1_700})
    void votesAreTheMajorityOfEachBit(int hashes) {
        Random random = new Random(hashes);
        TextFingerprint.Votes votes = new TextFingerprint.Votes();
        int[] balance = new int[64];
        for (int n = 0; n < hashes; n++) {
            // bits of the mask set three times in four, the others once in four: majorities both ways
            long a = random.nextLong();
            long c = random.nextLong();
            long h = MASK & (a | c) | ~MASK & (a & c);
            votes.add(h);
            for (int b = 0; b < 64; b++) {
                balance[b] += (h >>> b & 1) == 1 ? 1 : -1;
            }
        }
        long expected = 0;
        for (int b = 0; b < 64; b++) {
            if (balance[b] > 0) {
                expected |= 1L << b;
            }
        }
        assertEquals(expected, votes.majority());
    }
}
