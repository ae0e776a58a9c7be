package io.tribu.listening.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * k-fold cross-validation of the trained model, per file: each fold of a file is predicted by a model trained
 * on the file's other folds plus every row of the other files (different texts), so no text is ever scored by
 * a model that saw it.
 */
final class CrossValidation {

    private CrossValidation() {
    }

    /** Predicted labels for every row of every file, in file order. */
    static Map<String, List<SentimentLabel>> predict(Map<String, List<SharedData.Row>> files, int folds,
                                                     SentimentModelTrainer.Options options) {
        SentimentAnalyzer featuresOf = new SentimentAnalyzer(new LexiconSentimentScorer(), null);
        Map<String, List<SentimentModelTrainer.Example>> examples = new LinkedHashMap<>();
        files.forEach((name, rows) -> examples.put(name, SentimentModelTrainer.examples(featuresOf, rows, options.bits())));
        Map<String, List<SentimentLabel>> out = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            List<SentimentModelTrainer.Example> own = examples.get(name);
            int[] fold = new int[own.size()];
            Random random = new Random(options.seed() ^ name.hashCode());
            for (int i = 0; i < fold.length; i++) {
                fold[i] = i % folds;
            }
            for (int i = fold.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = fold[i];
                fold[i] = fold[j];
                fold[j] = t;
            }
            SentimentLabel[] predicted = new SentimentLabel[own.size()];
            for (int f = 0; f < folds; f++) {
                List<SentimentModelTrainer.Example> train = new ArrayList<>();
                for (String other : files.keySet()) {
                    if (!other.equals(name)) {
                        train.addAll(examples.get(other));
                    }
                }
                for (int i = 0; i < own.size(); i++) {
                    if (fold[i] != f) {
                        train.add(own.get(i));
                    }
                }
                // through the shipped file format, so its quantisation is part of the figures
                SentimentModel model = roundTrip(SentimentModelTrainer.train(train, options));
                for (int i = 0; i < own.size(); i++) {
                    if (fold[i] == f) {
                        double[] p = model.probabilities(own.get(i).features());
                        int best = 0;
                        for (int c = 1; c < p.length; c++) {
                            if (p[c] > p[best]) {
                                best = c;
                            }
                        }
                        predicted[i] = SentimentLabel.values()[best];
                    }
                }
            }
            out.put(name, List.of(predicted));
        }
        return out;
    }

    static SentimentModel roundTrip(SentimentModel model) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            model.write(bytes);
            return SentimentModel.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
