package io.tribu.listening.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Quality and speed of the enrichment step on the shared development sets (never run by the test suite:
 * surefire excludes *Benchmark*). Run with {@code listening-service/bench/enrichment-eval.sh}.
 *
 * <p>Prints, per sentiment file: accuracy and macro-F1 of a plain VADER lexicon sum (the baseline), of the
 * lexicon rules alone, and of the rules plus trained model under k-fold cross-validation (the shipped model
 * was trained on these very rows, so only cross-validated figures say anything); language-detection accuracy
 * on every shared file; throughput and per-text latency on one thread; load time and retained heap.
 */
public final class EnrichmentBenchmark {

    private EnrichmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // "speed": language accuracy and speed only, without the sentiment cross-validation (minutes of training)
        boolean speedOnly = args.length > 0 && args[0].equals("speed");
        int folds = args.length > 0 && !speedOnly ? Integer.parseInt(args[0]) : 5;
        Path root = SharedData.root().orElseThrow(() -> new IllegalStateException(
                "shared data not found: run from the repository or set -Dtribu.shared.data=/path/to/shared/data"));
        System.out.println("# Tribu enrichment benchmark — data: " + root + ", Java " + Runtime.version()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores");

        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        LanguageDetector detector = new LanguageDetector();
        long t1 = System.nanoTime();
        long heap1 = usedHeap();
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        long t2 = System.nanoTime();
        long heap2 = usedHeap();
        System.out.printf(Locale.ROOT, "%nstartup: LanguageDetector %d ms, %.1f MB retained heap; SentimentAnalyzer %d ms, %.1f MB"
                        + " (trained model loaded: %s)%n",
                (t1 - t0) / 1_000_000, (heap1 - heap0) / 1e6, (t2 - t1) / 1_000_000, (heap2 - heap1) / 1e6,
                analyzer.usesTrainedModel());

        if (!speedOnly) {
            sentiment(root, analyzer, folds);
        }
        languages(root, detector);
        speed(root, detector, analyzer);
    }

    private static void sentiment(Path root, SentimentAnalyzer analyzer, int folds) {
        Map<String, List<SharedData.Row>> files = new LinkedHashMap<>();
        for (Path f : SharedData.files(root, "sentiment")) {
            files.put(f.getFileName().toString(), SharedData.read(f));
        }
        VaderBaseline vader = new VaderBaseline();
        LexiconSentimentScorer rules = new LexiconSentimentScorer();
        FrenchLexiconSum frenchSum = new FrenchLexiconSum(rules);
        long t = System.nanoTime();
        Map<String, List<SentimentLabel>> crossValidated =
                CrossValidation.predict(files, folds, SentimentModelTrainer.Options.defaults());
        System.out.printf(Locale.ROOT, "%n## Sentiment (3 classes), accuracy / macro-F1; model: %d-fold cross-validation (%.0f s)%n",
                folds, (System.nanoTime() - t) / 1e9);
        System.out.printf(Locale.ROOT, "%-26s %6s  %-15s %-15s %-15s %-15s%n", "file", "rows",
                "VADER lex. sum", "FR lex. sum", "rules", "rules+model CV");
        files.forEach((name, rows) -> {
            List<SentimentLabel> expected = new ArrayList<>();
            List<SentimentLabel> baseline = new ArrayList<>();
            List<SentimentLabel> french = new ArrayList<>();
            List<SentimentLabel> rulesOnly = new ArrayList<>();
            for (SharedData.Row r : rows) {
                expected.add(Scores.label(r.label()));
                baseline.add(vader.label(r.text()));
                french.add(frenchSum.label(r.text()));
                rulesOnly.add(rules.score(r.text(), r.language()).label());
            }
            boolean isFrench = rows.get(0).language().equals("fr");
            System.out.printf(Locale.ROOT, "%-26s %6d  %-15s %-15s %-15s %-15s%n", name, rows.size(),
                    cell(Scores.of(expected, baseline)), isFrench ? cell(Scores.of(expected, french)) : "-",
                    cell(Scores.of(expected, rulesOnly)), cell(Scores.of(expected, crossValidated.get(name))));
        });
    }

    private static void languages(Path root, LanguageDetector detector) throws Exception {
        LanguageDetectorME openNlp;
        try (var in = EnrichmentBenchmark.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            openNlp = new LanguageDetectorME(new LanguageDetectorModel(in));
        }
        System.out.printf(Locale.ROOT, "%n## Language detection (expected: the file's language; \"und\" counts as an error)%n");
        System.out.printf(Locale.ROOT, "%-26s %6s  %8s %6s %6s   %s%n", "file", "rows", "accuracy", "und", "wrong",
                "OpenNLP LanguageDetectorME as is (103 languages, no prior)");
        int allRows = 0;
        int allRight = 0;
        int allUnd = 0;
        int allOpenNlp = 0;
        for (Path f : SharedData.allFiles(root)) {
            List<SharedData.Row> rows = SharedData.read(f);
            int right = 0;
            int und = 0;
            int openNlpRight = 0;
            Map<String, Integer> confusions = new LinkedHashMap<>();
            for (SharedData.Row r : rows) {
                DetectedLanguage d = detector.detect(r.text());
                if (d.code().equals(r.language())) {
                    right++;
                } else if (!d.isDetermined()) {
                    und++;
                } else {
                    confusions.merge(d.code(), 1, Integer::sum);
                }
                String o = openNlp.predictLanguage(r.text()).getLang();
                if (o.equals(r.language().equals("fr") ? "fra" : "eng")) {
                    openNlpRight++;
                }
            }
            allRows += rows.size();
            allRight += right;
            allUnd += und;
            allOpenNlp += openNlpRight;
            System.out.printf(Locale.ROOT, "%-26s %6d  %8.4f %6.4f %6.4f   %.4f   wrong as: %s%n", f.getFileName(), rows.size(),
                    right / (double) rows.size(), und / (double) rows.size(),
                    (rows.size() - right - und) / (double) rows.size(), openNlpRight / (double) rows.size(), confusions);
        }
        System.out.printf(Locale.ROOT, "%-26s %6d  %8.4f %6.4f %6.4f   %.4f%n", "all", allRows, allRight / (double) allRows,
                allUnd / (double) allRows, (allRows - allRight - allUnd) / (double) allRows, allOpenNlp / (double) allRows);
    }

    private static void speed(Path root, LanguageDetector detector, SentimentAnalyzer analyzer) {
        List<String> texts = new ArrayList<>();
        for (Path f : SharedData.files(root, "sentiment")) {
            for (SharedData.Row r : SharedData.read(f)) {
                texts.add(r.text());
            }
        }
        double meanLength = texts.stream().mapToInt(String::length).average().orElse(0);
        // articles: 30 consecutive tweets of one file, as long as a blog post or an RSS item
        List<String> articles = new ArrayList<>();
        for (int from = 0; from + 30 <= texts.size(); from += 30) {
            articles.add(String.join(" ", texts.subList(from, from + 30)));
        }
        double meanArticle = articles.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%n## Speed, one thread, %d tweets (mean %.0f chars) and %d articles (mean %.0f chars),"
                + " after warm-up; CPU µs = the thread's CPU time per text (steadier than wall time on a busy machine)%n",
                texts.size(), meanLength, articles.size(), meanArticle);
        System.out.printf(Locale.ROOT, "%-34s %12s %9s %9s %9s %9s%n", "step", "texts/s", "CPU µs", "p50 µs", "p99 µs", "max µs");
        measure("language detection", texts, detector::detect);
        measure("sentiment, rules only (EN)", texts, t -> analyzer.analyzeWithRules(t, "en"));
        measure("sentiment, rules + model (EN)", texts, t -> analyzer.analyze(t, "en"));
        measure("sentiment, rules + model (FR)", texts, t -> analyzer.analyze(t, "fr"));
        measure("detect + sentiment (pipeline)", texts, t -> analyzer.analyze(t, detector.detect(t).code()));
        measure("language detection, articles", articles, detector::detect);
    }

    private static void measure(String name, List<String> texts, Consumer<String> step) {
        for (int warm = 0; warm < 5; warm++) {
            texts.forEach(step);
        }
        int rounds = 5;
        long[] nanos = new long[texts.size() * rounds];
        int k = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String text : texts) {
                long s = System.nanoTime();
                step.accept(text);
                nanos[k++] = System.nanoTime() - s;
            }
        }
        long total = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-34s %12.0f %9.1f %9.1f %9.1f %9.1f%n", name, nanos.length / (total / 1e9),
                cpu / 1e3 / nanos.length, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3, nanos[nanos.length - 1] / 1e3);
    }

    private static String cell(Scores s) {
        return String.format(Locale.ROOT, "%.3f / %.3f", s.accuracy(), s.macroF1());
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Baseline for French: the project's French lexicon summed over words, no rules (the VADER lexicon is English). */
    private static final class FrenchLexiconSum {
        private final LexiconSentimentScorer scorer;
        private final SentimentLexicon lexicon;

        FrenchLexiconSum(LexiconSentimentScorer scorer) {
            this.scorer = scorer;
            this.lexicon = SentimentLexicon.french(scorer.tokenizer());
        }

        SentimentLabel label(String text) {
            double sum = 0;
            for (Token t : scorer.tokenizer().tokenize(text, true)) {
                if (t.isWord()) {
                    sum += lexicon.valence(t);
                }
            }
            double c = sum / Math.sqrt(sum * sum + LexiconSentimentScorer.ALPHA);
            return c >= LexiconSentimentScorer.NEUTRAL_BAND ? SentimentLabel.POSITIVE
                    : c <= -LexiconSentimentScorer.NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        }
    }
}
