package io.tribu.moderation.classify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality of the classifiers on the labelled development sets in ../shared/data (read in place, never
 * copied into the repository), then their latency. Run by {@code bench/classifiers.sh}.
 */
public final class ClassifierEvaluation {

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../../shared/data");
        Classifier classifier = new Classifier();
        hateCheck(classifier, data.resolve("toxicity/en-hatecheck-dev.csv"), "en");
        hateCheck(classifier, data.resolve("toxicity/fr-mhc-dev.csv"), "fr");
        spam(classifier, data.resolve("spam/youtube-comments-dev.csv"));
        latency(classifier, data);
    }

    /** Every text of the data sets, classified one at a time on this thread; JIT warmed up first. */
    private static void latency(Classifier classifier, Path data) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("toxicity/en-hatecheck-dev.csv", "toxicity/fr-mhc-dev.csv", "spam/youtube-comments-dev.csv")) {
            List<List<String>> rows = Csv.read(data.resolve(file));
            int text = rows.get(0).indexOf("text");
            rows.subList(1, rows.size()).forEach(row -> texts.add(row.get(text)));
        }
        List<String> topics = List.of("cafe", "espresso", "capsule*", "machine*", "livraison", "delivery");
        long sink = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (String text : texts) {
                sink += classifier.classify(text, topics).labels().size();
            }
        }
        int passes = 5;
        long[] nanos = new long[texts.size() * passes];
        int n = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (String text : texts) {
                long start = System.nanoTime();
                sink += classifier.classify(text, topics).labels().size();
                nanos[n++] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("%n== latency, classify one comment, one thread (%d calls over %d texts, sink %d)%n",
                nanos.length, texts.size(), sink);
        System.out.printf("classify       p50 %.1f us  p99 %.1f us  max %.1f us%n",
                nanos[nanos.length / 2] / 1000.0, nanos[(int) (nanos.length * 0.99)] / 1000.0,
                nanos[nanos.length - 1] / 1000.0);
    }

    private static void hateCheck(Classifier classifier, Path file, String language) throws IOException {
        List<List<String>> rows = Csv.read(file);
        List<String> header = rows.get(0);
        int text = header.indexOf("text");
        int label = header.indexOf("label");
        int functionality = header.indexOf("functionality");
        Counts hate = new Counts();
        Counts toxic = new Counts();
        Map<String, int[]> perFunctionality = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            boolean hateful = row.get(label).equals("hateful");
            Classification result = classifier.classify(row.get(text), List.of());
            boolean predicted = result.has("identity_hate");
            hate.add(hateful, predicted);
            toxic.add(hateful, result.has("toxicity"));
            int[] tally = perFunctionality.computeIfAbsent(row.get(functionality), f -> new int[2]);
            tally[0] += predicted == hateful ? 1 : 0;
            tally[1]++;
        }
        System.out.printf("%n== %s (%s, %d rows): hateful vs label%n", file.getFileName(), language, rows.size() - 1);
        System.out.println("identity_hate  " + hate);
        System.out.println("toxicity       " + toxic);
        System.out.println("accuracy per functionality (identity_hate):");
        perFunctionality.forEach((name, tally) ->
                System.out.printf("  %-22s %5.1f%% (%d)%n", name, 100.0 * tally[0] / tally[1], tally[1]));
    }

    private static void spam(Classifier classifier, Path file) throws IOException {
        List<List<String>> rows = Csv.read(file);
        List<String> header = rows.get(0);
        int text = header.indexOf("text");
        int label = header.indexOf("label");
        Counts spam = new Counts();
        for (List<String> row : rows.subList(1, rows.size())) {
            spam.add(row.get(label).equals("spam"), classifier.classify(row.get(text), List.of()).has("spam"));
        }
        System.out.printf("%n== %s (en, %d rows): spam vs label%n", file.getFileName(), rows.size() - 1);
        System.out.println("spam           " + spam);
    }

    static final class Counts {
        int tp, fp, fn, tn;

        void add(boolean actual, boolean predicted) {
            if (actual && predicted) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
            else tn++;
        }

        @Override
        public String toString() {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return String.format("precision %.3f recall %.3f F1 %.3f accuracy %.3f", p, r, f,
                    (double) (tp + tn) / (tp + tn + fp + fn));
        }
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    public static final class Csv {
        public static List<List<String>> read(Path file) throws IOException {
            List<List<String>> rows = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> row = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                int c;
                while ((c = in.read()) != -1) {
                    if (quoted) {
                        if (c == '"') {
                            in.mark(1);
                            int next = in.read();
                            if (next == '"') {
                                field.append('"');
                            } else {
                                quoted = false;
                                if (next == -1) break;
                                in.reset();
                            }
                        } else {
                            field.append((char) c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        row.add(field.toString());
                        field.setLength(0);
                    } else if (c == '\n') {
                        row.add(field.toString());
                        field.setLength(0);
                        rows.add(row);
                        row = new ArrayList<>();
                    } else if (c != '\r') {
                        field.append((char) c);
                    }
                }
                if (field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
