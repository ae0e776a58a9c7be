package io.tribu.analytics.drivers;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriverAnalysisTest {

    record Text(boolean negative, String text) {
    }

    /** What intake stores per day, for these texts: mentions holding each term per side, and the totals. */
    static DriverAnalysis.TermCounts counts(List<Text> texts) {
        Map<String, int[]> terms = new HashMap<>();
        int negatives = 0;
        long negativeTerms = 0;
        long positiveTerms = 0;
        for (Text text : texts) {
            negatives += text.negative() ? 1 : 0;
            for (String term : Tokenizer.terms(text.text())) {
                terms.computeIfAbsent(term, t -> new int[2])[text.negative() ? 0 : 1]++;
                negativeTerms += text.negative() ? 1 : 0;
                positiveTerms += text.negative() ? 0 : 1;
            }
        }
        return new DriverAnalysis.TermCounts(negatives, texts.size() - negatives, negativeTerms, positiveTerms, terms);
    }

    private static List<Text> corpus() {
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add(new Text(true, "Livraison en retard, colis abîmé, service client injoignable"));
            texts.add(new Text(false, "Café délicieux, accueil chaleureux, service client parfait"));
        }
        texts.add(new Text(true, "zeppelin"));
        return texts;
    }

    @Test
    void termsTypicalOfEachSideComeFirstAndSharedTermsNowhere() {
        DriverAnalysis.Drivers drivers = DriverAnalysis.score(counts(corpus()), 50);

        assertEquals(31, drivers.negativeMentions());
        assertEquals(30, drivers.positiveMentions());
        List<String> negative = drivers.negative().stream().map(DriverAnalysis.Driver::term).toList();
        List<String> positive = drivers.positive().stream().map(DriverAnalysis.Driver::term).toList();
        assertTrue(negative.contains("retard") && negative.contains("colis abime"), negative.toString());
        assertTrue(positive.contains("delicieux") && positive.contains("accueil chaleureux"), positive.toString());
        // Equally common on both sides: no driver. Seen once: shrunk away by the prior and the minimum.
        assertTrue(!negative.contains("service client") && !positive.contains("service client"));
        assertTrue(!negative.contains("zeppelin"));
        assertTrue(drivers.negative().get(0).z() > 1.96);
        assertTrue(drivers.positive().get(0).z() < -1.96);
    }

    @Test
    void fiveMentionsMakeADriverWhereTwoAreNotEnoughEvidence() {
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            texts.add(new Text(false, "bon produit"));
        }
        for (int i = 0; i < 5; i++) {
            texts.add(new Text(true, "remboursement refuse"));
        }
        texts.add(new Text(true, "arnaque"));
        texts.add(new Text(true, "arnaque"));
        DriverAnalysis.Drivers drivers = DriverAnalysis.score(counts(texts), 10);

        List<String> negative = drivers.negative().stream().map(DriverAnalysis.Driver::term).toList();
        assertTrue(negative.contains("remboursement") && negative.contains("remboursement refuse"), negative.toString());
        assertTrue(!negative.contains("arnaque"), negative.toString());
        assertTrue(drivers.positive().stream().map(DriverAnalysis.Driver::term).toList().contains("bon produit"));
    }
}
