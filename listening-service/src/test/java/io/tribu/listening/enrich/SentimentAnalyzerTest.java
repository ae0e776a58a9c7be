package io.tribu.listening.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public analyzer as the pipeline will call it: lexicon rules plus the bundled trained model. */
class SentimentAnalyzerTest {

    private static final SentimentAnalyzer ANALYZER = new SentimentAnalyzer();

    @Test
    void theTrainedModelIsBundled() {
        assertTrue(ANALYZER.usesTrainedModel(), "enrich/sentiment-model.bin.gz missing from the class path");
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | J'adore ce produit, merci !                              | POSITIVE
            fr | Je n'aime pas du tout ce produit                         | NEGATIVE
            fr | C'est nul, remboursez-moi                                | NEGATIVE
            fr | Service client génial 😍                                 | POSITIVE
            fr | Le personnel est adorable mais le service est horrible   | NEGATIVE
            fr | Livraison en retard, colis abîmé 😡                      | NEGATIVE
            fr | Le magasin ouvre à 9h ce samedi                          | NEUTRAL
            en | I love this product, thank you!                          | POSITIVE
            en | I don't like this at all                                 | NEGATIVE
            en | Worst support ever 😡                                    | NEGATIVE
            en | The food was terrible but the staff were lovely          | POSITIVE
            en | The store opens at 9am on Saturday                       | NEUTRAL
            """)
    void labelsClearCases(String language, String text, SentimentLabel expected) {
        Sentiment s = ANALYZER.analyze(text, language);
        assertEquals(expected, s.label(), () -> text + " -> " + s);
    }

    @ParameterizedTest(name = "[{0}] {1} scores {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | c'est pas mal                | POSITIVE
            fr | pas terrible ce resto        | NEGATIVE
            fr | j'aime pas                   | NEGATIVE
            en | not bad at all               | POSITIVE
            """)
    void idiomsPullTheScoreTheRightWay(String language, String text, SentimentLabel direction) {
        double score = ANALYZER.analyze(text, language).score();
        assertTrue(direction == SentimentLabel.POSITIVE ? score > 0 : score < 0, text + " scored " + score);
    }

    @Test
    void negationLowersTheScoreOfTheSameSentence() {
        assertTrue(ANALYZER.analyze("je n'aime pas ce film", "fr").score() < ANALYZER.analyze("j'aime ce film", "fr").score() - 0.5);
        assertTrue(ANALYZER.analyze("I do not like this film", "en").score() < ANALYZER.analyze("I like this film", "en").score() - 0.5);
    }

    @Test
    void scoresAndConfidencesAreBounded() {
        for (String text : new String[] {"", "   ", "ok", "🔥🔥🔥", "NUL NUL NUL !!!!!!!!!", "a".repeat(5000)}) {
            Sentiment s = ANALYZER.analyze(text, "fr");
            assertTrue(s.score() >= -1 && s.score() <= 1, text + " " + s);
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1, text + " " + s);
        }
        assertEquals(SentimentLabel.NEUTRAL, ANALYZER.analyze(null, "en").label());
    }

    @Test
    void withoutTheModelTheRulesDecide() {
        SentimentAnalyzer rulesOnly = new SentimentAnalyzer(new LexiconSentimentScorer(), null);
        assertFalse(rulesOnly.usesTrainedModel());
        Sentiment s = rulesOnly.analyze("c'est pas mal", "fr");
        assertEquals(SentimentLabel.POSITIVE, s.label());
        assertEquals(ANALYZER.analyzeWithRules("c'est pas mal", "fr"), s);
    }
}
