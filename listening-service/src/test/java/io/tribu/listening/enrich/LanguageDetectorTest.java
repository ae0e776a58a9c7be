package io.tribu.listening.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Je suis vraiment déçue par la livraison, le colis est arrivé abîmé.
            fr | Merci beaucoup pour votre réponse rapide !
            fr | C'est pas mal du tout ce nouveau resto @lebistrot #lyon
            fr | On se retrouve ce soir au café près de la gare ?
            en | I'm really disappointed with the delivery, the parcel arrived damaged.
            en | Thanks a lot for your quick answer!
            en | Not bad at all, this new place downtown @thebistro #nyc
            en | Are we still meeting at the station tonight?
            es | Muchas gracias por la respuesta tan rápida, de verdad.
            de | Vielen Dank für die schnelle Antwort, wirklich toll.
            it | Grazie mille per la risposta così veloce, davvero.
            pt | Muito obrigado pela resposta tão rápida, de verdade.
            nl | Hartelijk dank voor het snelle antwoord, echt geweldig.
            """)
    void detectsClearSentences(String expected, String text) {
        DetectedLanguage d = DETECTOR.detect(text);
        assertEquals(expected, d.code(), () -> text + " -> " + d);
        assertTrue(d.confidence() >= LanguageDetector.DEFAULT_MIN_CONFIDENCE && d.confidence() <= 1, d::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok", "lol", "👍👍", "@marie", "https://example.org/a-long-link", "12:30", "", "   "})
    void saysUndeterminedWhenThereIsTooLittleText(String text) {
        DetectedLanguage d = DETECTOR.detect(text);
        assertEquals(DetectedLanguage.UNDETERMINED, d.code(), d::toString);
        assertFalse(d.isDetermined());
    }

    @Test
    void nullIsUndetermined() {
        assertEquals(DetectedLanguage.UNDETERMINED, DETECTOR.detect(null).code());
    }

    @Test
    void languagesOutsideTheFavouredOnesAreStillNamed() {
        assertEquals("pl", DETECTOR.detect("Dziękuję bardzo za szybką odpowiedź, naprawdę doceniam waszą pomoc.").code());
        assertEquals("ru", DETECTOR.detect("Большое спасибо за быстрый ответ, я очень благодарен за помощь.").code());
    }

    @Test
    void withoutPriorsTheFastPathRanksLanguagesExactlyLikeOpenNlp() throws Exception {
        LanguageDetector noPrior = new LanguageDetector(Map.of(), 0, 0.0, Integer.MAX_VALUE);
        LanguageDetectorME openNlp;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            openNlp = new LanguageDetectorME(new LanguageDetectorModel(in));
        }
        String[] texts = {
                "Je suis vraiment déçue par la livraison", "Thanks a lot for your quick answer!",
                "Vielen Dank für die schnelle Antwort", "Muchas gracias por la respuesta", "Dziękuję bardzo",
                "bonjour", "wow", "Damn! MJ died! A true loss.", "C'est pas mal du tout #lyon http://x.y/z"};
        for (String text : texts) {
            double[] p = noPrior.probabilities(LanguageDetector.normalize(text, Integer.MAX_VALUE));
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            String expected = openNlp.predictLanguage(text).getLang();
            String ours = openNlp.getSupportedLanguages()[best];
            assertEquals(expected, ours, text);
        }
    }

    @Test
    void onlyTheBeginningOfALongTextIsRead() {
        String french = "Je suis vraiment déçue par la livraison, le colis est arrivé abîmé et personne ne répond. ";
        // n-grams count once however often they occur: the English part needs words of its own to outweigh the French
        String english = """
                I am really disappointed with the delivery, the parcel arrived damaged and nobody answers. The shop
                says the courier is responsible, the courier says the shop packed it badly. Meanwhile my daughter's
                birthday came and went without her present. Would anyone recommend a company that actually keeps its
                promises? Honestly, this whole experience taught me to check reviews thoroughly before ordering anything
                online, especially during the holiday season when everybody is overwhelmed and customer service is slow.
                """;
        String article = french.repeat(4) + english;
        assertEquals("fr", DETECTOR.detect(article).code());
        LanguageDetector wholeText = new LanguageDetector(LanguageDetector.DEFAULT_PRIORS, LanguageDetector.DEFAULT_MIN_LETTERS,
                LanguageDetector.DEFAULT_MIN_CONFIDENCE, Integer.MAX_VALUE);
        assertEquals("en", wholeText.detect(article).code());
    }

    @ParameterizedTest(name = "{0} chars of \"{1}\" -> \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            12  | bonjour tout le monde           | bonjour tout
            11  | bonjour tout le monde           | bonjour
            7   | bonjour tout le monde           | bonjour
            3   | bonjour                         | bon
            10  | Merci @marie    pour tout       | merci pour
            100 | Merci @marie pour tout          | merci pour tout
            """)
    void aLongTextIsCutAtAWordBoundary(int maxChars, String text, String expected) {
        assertEquals(expected, new String(LanguageDetector.normalize(text, maxChars)));
    }

    @Test
    void normalisationDropsWhatIsNotLanguage() {
        assertEquals("merci aa !", new String(LanguageDetector.normalize("Merci @marie #top https://t.co/x 2024 aaaa !", 100)));
        assertEquals("contact", new String(LanguageDetector.normalize("contact marie@example.org", 100)));
    }
}
