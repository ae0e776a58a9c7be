package io.tribu.analytics.drivers;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriverAnalysisTest {

    private static List<DriverAnalysis.Text> corpus() {
        List<DriverAnalysis.Text> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add(new DriverAnalysis.Text("n" + i, true, "Livraison en retard, colis abîmé, service client injoignable"));
            texts.add(new DriverAnalysis.Text("p" + i, false, "Café délicieux, accueil chaleureux, service client parfait"));
        }
        texts.add(new DriverAnalysis.Text("rare", true, "zeppelin"));
        return texts;
    }

    @Test
    void termsTypicalOfEachSideComeFirstAndSharedTermsNowhere() {
        DriverAnalysis.Drivers drivers = DriverAnalysis.analyse(corpus(), 50, 2);

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
        assertEquals(List.of("n0", "n1"), drivers.negative().get(0).examples());
    }

    @Test
    void fiveMentionsMakeADriverWhereTwoAreNotEnoughEvidence() {
        List<DriverAnalysis.Text> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            texts.add(new DriverAnalysis.Text("p" + i, false, "bon produit"));
        }
        for (int i = 0; i < 5; i++) {
            texts.add(new DriverAnalysis.Text("n" + i, true, "remboursement refuse"));
        }
        texts.add(new DriverAnalysis.Text("n9", true, "arnaque"));
        texts.add(new DriverAnalysis.Text("n10", true, "arnaque"));
        DriverAnalysis.Drivers drivers = DriverAnalysis.analyse(texts, 10, 3);

        List<String> negative = drivers.negative().stream().map(DriverAnalysis.Driver::term).toList();
        assertTrue(negative.contains("remboursement") && negative.contains("remboursement refuse"), negative.toString());
        assertTrue(!negative.contains("arnaque"), negative.toString());
        assertTrue(drivers.positive().stream().map(DriverAnalysis.Driver::term).toList().contains("bon produit"));
    }
}
