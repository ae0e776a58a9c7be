package io.tribu.listening.enrich;

import java.util.List;

/** Accuracy and macro-F1 over the three sentiment classes. */
record Scores(double accuracy, double macroF1, int n) {

    static Scores of(List<SentimentLabel> expected, List<SentimentLabel> predicted) {
        int k = SentimentLabel.values().length;
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < expected.size(); i++) {
            confusion[expected.get(i).ordinal()][predicted.get(i).ordinal()]++;
            if (expected.get(i) == predicted.get(i)) {
                correct++;
            }
        }
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int fp = 0;
            int fn = 0;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    fp += confusion[o][c];
                    fn += confusion[c][o];
                }
            }
            double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Scores(correct / (double) expected.size(), f1Sum / k, expected.size());
    }

    static SentimentLabel label(String csvLabel) {
        return SentimentLabel.valueOf(csvLabel.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
