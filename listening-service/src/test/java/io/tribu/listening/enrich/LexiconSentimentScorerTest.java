package io.tribu.listening.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lexicon rules on hand-written sentences: each row states what a reader would say. */
class LexiconSentimentScorerTest {

    private static final LexiconSentimentScorer RULES = new LexiconSentimentScorer();

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | J'adore ce produit                                     | POSITIVE
            fr | j’adore ce produit                                     | POSITIVE
            fr | Je n'aime pas ce produit                               | NEGATIVE
            fr | j'aime pas ce produit                                  | NEGATIVE
            fr | Ce n'est pas génial                                    | NEGATIVE
            fr | Je ne suis plus du tout satisfait                      | NEGATIVE
            fr | Je ne suis jamais déçu                                 | POSITIVE
            fr | C'est nul                                              | NEGATIVE
            fr | c'est nulle                                            | NEGATIVE
            fr | C'est pas mal                                          | POSITIVE
            fr | Il y a pas mal de monde ce soir                        | NEUTRAL
            fr | pas terrible ce resto                                  | NEGATIVE
            fr | Le service est lent mais le personnel est adorable     | POSITIVE
            fr | Le personnel est adorable mais le service est horrible | NEGATIVE
            fr | Merci pour votre aide 😍                               | POSITIVE
            fr | Livraison en retard 😡                                 | NEGATIVE
            fr | Encore une panne :(                                    | NEGATIVE
            fr | Trop bien !!!                                          | POSITIVE
            fr | géniaaaal                                              | POSITIVE
            fr | La réunion est à 14h.                                  | NEUTRAL
            fr | Rendez-vous mardi à la mairie                          | NEUTRAL
            fr | j'en ai marre de ces bugs                              | NEGATIVE
            fr | sans problème, c'est réglé                             | POSITIVE
            en | I love this product                                    | POSITIVE
            en | I don't love this product                              | NEGATIVE
            en | This is not good                                       | NEGATIVE
            en | This is not bad at all                                 | POSITIVE
            en | The food was great but the service was terrible       | NEGATIVE
            en | The service was terrible but the food was great       | POSITIVE
            en | Thanks so much :)                                      | POSITIVE
            en | Worst support ever 😡                                  | NEGATIVE
            en | The meeting is at 3pm.                                 | NEUTRAL
            en | sooo goooood                                           | POSITIVE
            en | I'm not happy with the update                          | NEGATIVE
            """)
    void labelsWhatAReaderWouldSay(String language, String text, SentimentLabel expected) {
        assertEquals(expected, RULES.score(text, language).label(), () -> text + " scored " + RULES.score(text, language));
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" vs \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            fr | c'est bien                 | ce n'est pas bien
            fr | j'aime ce film             | je n'aime pas ce film
            fr | j'aime ce film             | j'aime pas ce film
            fr | le service est excellent   | le service n'est plus excellent
            fr | c'est une réussite         | ce n'est jamais une réussite
            en | I like it                  | I do not like it
            en | I like it                  | I don't like it
            en | this is helpful            | this is never helpful
            """)
    void negationFlipsAPositiveSentence(String language, String positive, String negated) {
        assertTrue(RULES.score(positive, language).compound() > 0, positive);
        assertTrue(RULES.score(negated, language).compound() < 0, negated);
    }

    @Test
    void negatingANegativeWordMakesItMildlyPositiveRatherThanStronglyPositive() {
        double bad = RULES.score("this is bad", "en").compound();
        double notBad = RULES.score("this is not bad", "en").compound();
        assertTrue(bad < 0 && notBad > 0 && notBad < -bad, "bad=" + bad + " notBad=" + notBad);
    }

    @Test
    void intensifiersCapitalsElongationAndExclamationsStrengthenTheSameWord() {
        double plain = RULES.score("c'est bien", "fr").compound();
        assertTrue(RULES.score("c'est très bien", "fr").compound() > plain);
        assertTrue(RULES.score("c'est bien !!!", "fr").compound() > plain);
        assertTrue(RULES.score("c'est un peu bien", "fr").compound() < plain);
        double good = RULES.score("the show was good", "en").compound();
        assertTrue(RULES.score("the show was GOOD", "en").compound() > good);
        assertTrue(RULES.score("the show was goooood", "en").compound() > good);
        assertTrue(RULES.score("the show was kind of good", "en").compound() < good);
    }

    @Test
    void contrastGivesTheLastClauseTheLastWord() {
        LexiconScore s = RULES.score("Produit sympa mais livraison catastrophique", "fr");
        assertTrue(s.contrast());
        assertTrue(s.compound() < 0, s.toString());
    }

    @Test
    void frenchTextsUseTheFrenchLexiconAndEnglishOnesTheEnglishLexicon() {
        // "nul" is French; read as English it carries nothing
        assertEquals(SentimentLabel.NEGATIVE, RULES.score("nul", "fr").label());
        assertEquals(SentimentLabel.NEUTRAL, RULES.score("nul", "en").label());
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        LexiconScore s = RULES.score("HORRIBLE HORRIBLE horrible affreux nul nul nul 😡😡😡 !!!!!!", "fr");
        assertTrue(s.compound() > -1 && s.compound() < -0.9, s.toString());
    }
}
