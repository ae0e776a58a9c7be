package io.tribu.moderation.classify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality of the classifiers on any labelled CSV files: point it at folders or files (any names) holding
 * {@code text,label[,functionality][,language]}. A label is compared with the Tribu label it names:
 * {@code hateful} -> identity_hate (and toxicity), {@code offensive}/{@code toxic} -> toxicity, {@code spam} ->
 * spam, a Tribu label name -> that label; any other value is a negative ({@code non-hateful}, {@code ham}, {@code none}).
 * The language comes from a {@code language} or {@code lang} column, else from a file name starting with
 * {@code xx-}. Prints per file, language and label: accuracy, macro-F1, precision/recall/F1 of the label, the same
 * for two baselines (the majority class, and flagging every text), and per-functionality accuracy where given.
 * {@code --errors} also prints up to 20 misclassified texts per file and label with their scores and evidence;
 * {@code --latency} times classify on every text read. Run by {@code bench/evaluate.sh} and {@code bench/classifiers.sh}.
 */
public final class ClassifierEvaluation {

    private static boolean errors;

    public static void main(String[] args) throws IOException {
        boolean latency = false;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--errors")) {
                errors = true;
            } else if (arg.equals("--latency")) {
                latency = true;
            } else {
                try (var walk = Files.walk(Path.of(arg))) {
                    walk.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
                }
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ClassifierEvaluation <folder or csv>... [--latency]: no CSV file found");
            System.exit(2);
        }
        Classifier classifier = new Classifier();
        List<String> texts = new ArrayList<>();
        System.out.printf("%-34s %-4s %-14s %6s %5s  %-31s  %-13s  %-13s%n", "file", "lang", "label", "rows", "pos",
                "model acc / macro-F1 / P R F1", "majority acc/mF1", "all-flagged F1");
        for (Path file : files) {
            evaluate(classifier, file, texts);
        }
        if (latency) {
            latency(classifier, texts);
        }
    }

    private record Row(String text, String label, String functionality, String language) {
    }

    private static void evaluate(Classifier classifier, Path file, List<String> texts) throws IOException {
        List<List<String>> rows = Csv.read(file);
        List<String> header = rows.get(0);
        int text = header.indexOf("text");
        int label = header.indexOf("label");
        if (text < 0 || label < 0) {
            System.out.printf("%-34s skipped: no text and label columns%n", file.getFileName());
            return;
        }
        int functionality = header.indexOf("functionality");
        int language = Math.max(header.indexOf("language"), header.indexOf("lang"));
        String name = file.getFileName().toString();
        String fileLanguage = name.matches("^[a-z]{2}-.*") ? name.substring(0, 2) : "-";
        Map<String, List<Row>> byLanguage = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(text, label)) {
                continue;
            }
            String lang = language >= 0 && row.size() > language ? row.get(language) : fileLanguage;
            byLanguage.computeIfAbsent(lang, l -> new ArrayList<>()).add(new Row(row.get(text), row.get(label).trim(),
                    functionality >= 0 && row.size() > functionality ? row.get(functionality) : null, lang));
            texts.add(row.get(text));
        }
        for (var entry : byLanguage.entrySet()) {
            List<Row> group = entry.getValue();
            List<Classification> predicted = group.stream().map(r -> classifier.classify(r.text(), List.of())).toList();
            java.util.Set<String> labels = new java.util.TreeSet<>();
            group.forEach(r -> labels.addAll(tribuLabels(r.label())));
            for (String tribuLabel : labels) {
                Counts model = new Counts();
                Map<String, int[]> perFunctionality = new TreeMap<>();
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    boolean actual = tribuLabels(group.get(i).label()).contains(tribuLabel);
                    boolean flagged = predicted.get(i).has(tribuLabel);
                    model.add(actual, flagged);
                    Label given = predicted.get(i).labels().get(tribuLabel);
                    if (actual != flagged && wrong.size() < 20) {
                        wrong.add(String.format(Locale.ROOT, "    %s %.3f %s: %s", actual ? "missed" : "false alarm",
                                given == null ? 0 : given.score(), given == null ? "[]" : given.evidence(), group.get(i).text()));
                    }
                    if (group.get(i).functionality() != null) {
                        int[] tally = perFunctionality.computeIfAbsent(group.get(i).functionality(), f -> new int[2]);
                        tally[0] += actual == flagged ? 1 : 0;
                        tally[1]++;
                    }
                }
                int positives = model.tp + model.fn;
                int negatives = group.size() - positives;
                Counts majority = new Counts();
                Counts all = new Counts();
                majority.tp = positives > negatives ? positives : 0;
                majority.fp = positives > negatives ? negatives : 0;
                majority.fn = positives > negatives ? 0 : positives;
                majority.tn = positives > negatives ? 0 : negatives;
                all.tp = positives;
                all.fp = negatives;
                System.out.printf(Locale.ROOT, "%-34s %-4s %-14s %6d %5d  %.3f / %.3f / %.3f %.3f %.3f  %.3f / %.3f  %.3f%n",
                        name, entry.getKey(), tribuLabel, group.size(), positives, model.accuracy(), model.macroF1(),
                        model.precision(), model.recall(), model.f1(), majority.accuracy(), majority.macroF1(), all.f1());
                if (errors) {
                    wrong.forEach(System.out::println);
                }
                if (!perFunctionality.isEmpty() && !tribuLabel.equals("toxicity")) {
                    System.out.print("    accuracy per functionality:");
                    perFunctionality.forEach((f, tally) ->
                            System.out.printf(Locale.ROOT, " %s %.0f%% (%d);", f, 100.0 * tally[0] / tally[1], tally[1]));
                    System.out.println();
                }
            }
        }
    }

    /** The Tribu labels a data set's label value stands for; empty for a negative. */
    static java.util.Set<String> tribuLabels(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "hateful", "hate" -> java.util.Set.of("identity_hate", "toxicity");
            case "offensive", "toxic" -> java.util.Set.of("toxicity");
            default -> Classification.NAMES.contains(v) ? java.util.Set.of(v) : java.util.Set.of();
        };
    }

    /** Every text read, classified one at a time on this thread; JIT warmed up first. */
    private static void latency(Classifier classifier, List<String> texts) {
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

    static final class Counts {
        int tp, fp, fn, tn;

        void add(boolean actual, boolean predicted) {
            if (actual && predicted) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
            else tn++;
        }

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            return f1(tp, fp, fn);
        }

        /** Mean of the F1 of the positive class and the F1 of the negative class. */
        double macroF1() {
            return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
        }

        double accuracy() {
            return (double) (tp + tn) / Math.max(1, tp + tn + fp + fn);
        }

        private static double f1(int tp, int fp, int fn) {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
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
