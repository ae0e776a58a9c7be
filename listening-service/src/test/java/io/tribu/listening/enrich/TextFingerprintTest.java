package io.tribu.listening.enrich;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
                () -> TextFingerprint.of(ARTICLE).agreement(TextFingerprint.of(copy)) + " minimums agree");
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
                () -> TextFingerprint.of(ARTICLE).agreement(TextFingerprint.of(other)) + " minimums agree");
    }

    @Test
    void shortTextsHaveNoFingerprint() {
        TextFingerprint one = TextFingerprint.of("J'adore Café Lumière !");
        assertFalse(one.isUsable());
        assertFalse(one.sameStoryAs(TextFingerprint.of("J'adore Café Lumière !")));
    }

    @Test
    void aCopyCutOffWithAnEllipsisIsTheSameStoryAndSharesABandKey() {
        String cut = ARTICLE.substring(0, ARTICLE.indexOf(" pour le printemps")) + "…";
        TextFingerprint a = TextFingerprint.of(ARTICLE);
        TextFingerprint b = TextFingerprint.of(cut);
        assertTrue(a.sameStoryAs(b), () -> a.agreement(b) + " minimums agree");
        assertTrue(a.sharesBandWith(b));
    }

    @Test
    void bandKeysAreTheBrandsOwn() {
        TextFingerprint a = TextFingerprint.of(ARTICLE);
        long[] lumiere = a.keys("soleil", "cafe-lumiere");
        long[] velo = a.keys("soleil", "velo-vert");
        long[] nord = a.keys("nord", "cafe-lumiere");
        assertEquals(TextFingerprint.BANDS, lumiere.length);
        for (int b = 0; b < TextFingerprint.BANDS; b++) {
            assertNotEquals(lumiere[b], velo[b]);
            assertNotEquals(lumiere[b], nord[b]);
        }
        assertArrayEquals(lumiere, TextFingerprint.of(ARTICLE).keys("soleil", "cafe-lumiere"));
    }

    /**
     * Unrelated texts of the same brand, 2,000 of 14 words drawn from 500: fewer than 5 shared band keys among their
     * 12,000 (a key is three minimums, equal only when both texts have the same word pair as their minimum three times).
     */
    @Test
    void unrelatedTextsPracticallyNeverShareABandKey() {
        Random random = new Random(23);
        String[] vocabulary = new String[500];
        for (int w = 0; w < vocabulary.length; w++) {
            vocabulary[w] = Integer.toString(random.nextInt(1_000_000), 36) + "e";
        }
        java.util.Set<Long> keys = new java.util.HashSet<>();
        int shared = 0;
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 14; w++) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            }
            for (long key : TextFingerprint.of(text.toString()).keys("soleil", "cafe-lumiere")) {
                shared += keys.add(key) ? 0 : 1;
            }
        }
        assertTrue(shared < 5, shared + " keys shared");
    }
}
