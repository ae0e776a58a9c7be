package io.tribu.listening.enrich;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link SentimentModel}: multinomial logistic regression fitted by AdaGrad with L2 shrinkage, a fixed
 * seed, so the same data always gives the same weights. {@link #main} trains on every file of
 * {@code ../shared/data/sentiment} and writes the bundled resource; the benchmark uses {@link #train} for
 * k-fold cross-validation.
 *
 * <pre>
 * mvn -pl listening-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.tribu.listening.enrich.SentimentModelTrainer
 * </pre>
 * (or {@code listening-service/bench/enrichment-eval.sh --train}).
 */
public final class SentimentModelTrainer {

    /** One training text: its features and its class. */
    record Example(SentimentFeatures features, SentimentLabel label) {
    }

    /** Hyper-parameters; the defaults were chosen by cross-validation on the shared development sets. */
    record Options(int bits, int epochs, double learningRate, double l2, int minCount, long seed) {
        static Options defaults() {
            return new Options(18, 8, 0.1, 3e-4, 5, 20240601L);
        }
    }

    private SentimentModelTrainer() {
    }

    static SentimentModel train(List<Example> examples, Options o) {
        int classes = SentimentModel.CLASSES;
        int denseCount = SentimentFeatures.DENSE;
        float[] w = new float[classes << o.bits()];
        float[] g2 = new float[classes << o.bits()];
        double[][] v = new double[classes][denseCount];
        double[][] v2 = new double[classes][denseCount];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // a bucket seen in fewer than minCount texts gets no weight: it could only memorise those texts
        int[] seenIn = new int[1 << o.bits()];
        for (Example ex : examples) {
            SentimentFeatures f = ex.features();
            for (int k = 0; k < f.count(); k++) {
                seenIn[f.buckets()[k]]++;
            }
        }
        Random random = new Random(o.seed());
        double[] z = new double[classes];
        double[] grad = new double[classes];
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int index : order) {
                Example ex = examples.get(index);
                SentimentFeatures f = ex.features();
                for (int c = 0; c < classes; c++) {
                    double s = 0;
                    for (int d = 0; d < denseCount; d++) {
                        s += v[c][d] * f.dense()[d];
                    }
                    z[c] = s;
                }
                double x = f.sparseValue();
                for (int k = 0; k < f.count(); k++) {
                    int at = f.buckets()[k] * classes;
                    for (int c = 0; c < classes; c++) {
                        z[c] += w[at + c] * x;
                    }
                }
                double[] p = SentimentModel.softmax(z);
                for (int c = 0; c < classes; c++) {
                    grad[c] = p[c] - (ex.label().ordinal() == c ? 1.0 : 0.0);
                }
                for (int k = 0; k < f.count(); k++) {
                    if (seenIn[f.buckets()[k]] < o.minCount()) {
                        continue;
                    }
                    int at = f.buckets()[k] * classes;
                    for (int c = 0; c < classes; c++) {
                        double g = grad[c] * x + o.l2() * w[at + c];
                        g2[at + c] += (float) (g * g);
                        w[at + c] -= (float) (o.learningRate() * g / Math.sqrt(g2[at + c] + 1e-8));
                    }
                }
                for (int c = 0; c < classes; c++) {
                    for (int d = 0; d < denseCount; d++) {
                        double value = f.dense()[d];
                        if (value == 0) {
                            continue;
                        }
                        double g = grad[c] * value + o.l2() * v[c][d];
                        v2[c][d] += g * g;
                        v[c][d] -= o.learningRate() * g / Math.sqrt(v2[c][d] + 1e-8);
                    }
                }
            }
        }
        return new SentimentModel(o.bits(), w, v);
    }

    static List<Example> examples(SentimentAnalyzer featuresOf, List<SharedData.Row> rows, int bits) {
        List<Example> out = new ArrayList<>(rows.size());
        for (SharedData.Row r : rows) {
            out.add(new Example(featuresOf.features(r.text(), r.language(), bits), Scores.label(r.label())));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path root = SharedData.root().orElseThrow(() -> new IllegalStateException(
                "shared data not found: run from the repository or set -Dtribu.shared.data=/path/to/shared/data"));
        Path target = args.length > 0 ? Paths.get(args[0]) : defaultTarget();
        List<SharedData.Row> rows = new ArrayList<>();
        for (Path file : SharedData.files(root, "sentiment")) {
            rows.addAll(SharedData.read(file));
        }
        Options options = Options.defaults();
        SentimentAnalyzer rulesOnly = new SentimentAnalyzer(new LexiconSentimentScorer(), null);
        SentimentModel model = train(examples(rulesOnly, rows, options.bits()), options);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            model.write(out);
        }
        System.out.printf("trained on %d texts from %s, wrote %s (%d bytes)%n", rows.size(), root, target, Files.size(target));
    }

    private static Path defaultTarget() {
        Path module = Files.isDirectory(Paths.get("listening-service")) ? Paths.get("listening-service") : Paths.get("");
        return module.resolve("src/main/resources").resolve(SentimentModel.RESOURCE);
    }
}
