package io.tribu.analytics.drivers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Livraison très DÉÇUE                          | livraison,decue,livraison decue
            L'accueil était chaleureux                    | accueil,chaleureux,accueil chaleureux
            Pas bon du tout                               | pas,bon,pas bon
            Not good at all                               | not,good,not good
            Livré https://x.fr/a?b=1 abîmé @marie@piaille.fr  | livre,abime
            Commande 12345 reçue en 3 jours               | commande,recue,commande recue,jours,recue jours
            the service was great                         | service,great,service great
            """)
    void termsAreFoldedAndStopWordsBreakBigrams(String text, String expected) {
        assertEquals(Set.copyOf(List.of(expected.split(","))), Tokenizer.terms(text));
    }
}
