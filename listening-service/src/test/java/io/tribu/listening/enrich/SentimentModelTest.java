package io.tribu.listening.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class SentimentModelTest {

    private final SentimentAnalyzer featuresOf = new SentimentAnalyzer(new LexiconSentimentScorer(), null);

    @Test
    void learnsASmallSeparableSetAndSurvivesTheFileFormat() throws IOException {
        String[][] data = {
                {"fr", "j'adore", "POSITIVE"}, {"fr", "super produit", "POSITIVE"}, {"en", "love it", "POSITIVE"},
                {"fr", "c'est nul", "NEGATIVE"}, {"fr", "horrible service", "NEGATIVE"}, {"en", "hate it", "NEGATIVE"},
                {"fr", "le magasin ouvre lundi", "NEUTRAL"}, {"en", "the shop opens on monday", "NEUTRAL"}};
        List<SentimentModelTrainer.Example> examples = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) { // minCount: a feature needs five texts
            for (String[] row : data) {
                examples.add(new SentimentModelTrainer.Example(featuresOf.features(row[1], row[0], 12), SentimentLabel.valueOf(row[2])));
            }
        }
        SentimentModel model = SentimentModelTrainer.train(examples, new SentimentModelTrainer.Options(12, 20, 0.1, 1e-4, 5, 1L));
        for (String[] row : data) {
            double[] p = model.probabilities(featuresOf.features(row[1], row[0], 12));
            assertEquals(SentimentLabel.valueOf(row[2]).ordinal(), argMax(p), row[1]);
        }
        SentimentModel copy = CrossValidation.roundTrip(model);
        for (String[] row : data) {
            SentimentFeatures f = featuresOf.features(row[1], row[0], 12);
            assertArrayEquals(model.probabilities(f), copy.probabilities(f), 1e-3, row[1]);
        }
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertThrows(IOException.class, () -> SentimentModel.read(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
