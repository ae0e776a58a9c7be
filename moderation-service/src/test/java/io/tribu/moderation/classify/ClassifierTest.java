package io.tribu.moderation.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(String text) {
        return classifier.classify(text, List.of());
    }

    @Test
    void addressedInsultsInFrenchAndEnglishWithTheirEvidence() {
        Classification fr = classify("T'es vraiment un gros connard, le SAV est nul");
        assertTrue(fr.has("insult"));
        assertTrue(fr.has("toxicity"));
        assertTrue(fr.labels().get("insult").evidence().contains("connard"));
        assertTrue(classify("You are such an idiot").has("insult"));
        // Criticism of a thing is not an insult; "don't" does not address anyone.
        assertFalse(classify("I don't like this stupid update").has("insult"));
        assertFalse(classify("I don't like this stupid update").has("toxicity"));
    }

    @Test
    void leetspeakStretchedAndAccentlessSpellingsStillMatch() {
        assertTrue(classify("you are a 1d10t").has("insult"));
        assertTrue(classify("you are so stuuuupid").has("insult"));
        assertTrue(classify("espece de debile").has("insult"));
        assertTrue(classify("espèce de débile").has("insult"));
    }

    @Test
    void hateTowardsAGroupNeedsANegativePredicateAndIsCancelledByNegationOrCounterSpeech() {
        assertTrue(classify("Muslims are vermin").has("identity_hate"));
        assertTrue(classify("Les immigrés sont des parasites").has("identity_hate"));
        assertFalse(classify("I love how diverse women are").has("identity_hate"));
        assertFalse(classify("I don't hate women").has("identity_hate"));
        assertFalse(classify("Saying \"women are trash\" is unacceptable").has("identity_hate"));
        assertFalse(classify("Je ne déteste pas les femmes").has("identity_hate"));
    }

    @Test
    void negatedPositivePredicatesAreDegrading() {
        assertTrue(classify("Trans people are not human").has("identity_hate"));
    }

    @Test
    void threatsAgainstSomeone() {
        Classification threat = classify("I will kill you");
        assertTrue(threat.has("threat"));
        assertTrue(threat.labels().get("threat").evidence().contains("kill"));
        assertTrue(classify("je vais te tuer").has("threat"));
        assertFalse(classify("this update kills the battery").has("threat"));
    }

    @Test
    void ordinaryCustomerMessagesCarryNoLabel() {
        assertTrue(classify("Bonjour, ma commande n'est pas arrivée, pouvez-vous m'aider ?").present().isEmpty());
        assertTrue(classify("Love the new flavour, thanks!").present().isEmpty());
    }

    @Test
    void spamRulesAreNamedInTheEvidence() {
        Classification spam = classify("Check out my channel and subscribe!!! www.example-vids.com");
        assertTrue(spam.has("spam"));
        assertTrue(spam.labels().get("spam").evidence().containsAll(List.of("link", "self-promotion", "subscribe")));
        Classification scam = classify("DM me to earn money with bitcoin, 500$ per day from home");
        assertTrue(scam.has("scam"));
        assertTrue(classify("Abonnez-vous à ma chaîne, lien dans ma bio").has("spam"));
        assertFalse(classify("The delivery was late but support fixed it").has("spam"));
    }

    @Test
    void personalDataIsMaskedInTheEvidence() {
        Classification found = classify("Call me 06 12 34 56 78 or jean.dupont@example.fr");
        assertTrue(found.has("personal_data"));
        List<String> evidence = found.labels().get("personal_data").evidence();
        assertEquals(2, evidence.size());
        assertTrue(evidence.stream().noneMatch(e -> e.contains("dupont") || e.contains("34 56")));
        assertTrue(classify("mon numéro: +33 6 12 34 56 78").has("personal_data"));
    }

    @Test
    void ibanNeedsAValidChecksum() {
        assertTrue(PersonalDataClassifier.validIban("FR76 3000 6000 0112 3456 7890 189"));
        assertFalse(PersonalDataClassifier.validIban("FR76 3000 6000 0112 3456 7890 188"));
        assertTrue(classify("virez sur FR76 3000 6000 0112 3456 7890 189 merci").has("personal_data"));
        assertFalse(classify("ref FR76 3000 6000 0112 3456 7890 188").has("personal_data"));
    }

    @Test
    void offTopicNeedsBrandTopicsAndIsExplained() {
        List<String> topics = List.of("cafe", "espresso", "capsule*", "machine*");
        assertFalse(classifier.classify("Ma machine fait un bruit bizarre depuis hier soir", topics).has("off_topic"));
        Classification off = classifier.classify("Qui regarde le match de foot ce soir avec les potes", topics);
        assertTrue(off.has("off_topic"));
        assertFalse(classifier.classify("Qui regarde le match de foot ce soir avec les potes", List.of()).has("off_topic"));
    }
}
