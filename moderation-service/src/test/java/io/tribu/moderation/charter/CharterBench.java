package io.tribu.moderation.charter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.ClassifierEvaluation;
import io.tribu.moderation.classify.Classifier;
import io.tribu.moderation.classify.Text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classify one comment and evaluate a 50-rule charter on it, one thread: p50/p99 per comment over the texts of
 * the labelled sets. The charter mixes every kind of condition a brand writes (labels, keyword lists, regexes,
 * sentiment, channels, time of day, repeat offenders, nested all/any/not) and no rule stops the evaluation, so
 * every rule is tested on every comment. Run by {@code bench/classifiers.sh} after the quality figures.
 */
public final class CharterBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LABELS = {"toxicity", "insult", "threat", "identity_hate", "spam", "scam", "personal_data", "off_topic"};
    private static final String[][] KEYWORDS = {
            {"remboursement", "rembourser", "refund", "money back"}, {"livraison", "colis", "delivery", "parcel"},
            {"arnaque", "escroc", "scam", "fraud"}, {"avocat", "plainte", "lawyer", "sue"},
            {"concours", "gagner", "giveaway", "win"}, {"sav", "service client", "customer service", "support"}};

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../../shared/data");
        List<String> texts = texts(data);
        Charter charter = CharterParser.parse(fiftyRules(), 1).charter();
        Classifier classifier = new Classifier();
        Instant now = Instant.parse("2026-11-23T21:30:00Z");
        List<Instant> offences = List.of(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(20)));
        long sink = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (String text : texts) {
                sink += judge(classifier, charter, text, offences, now);
            }
        }
        int passes = 5;
        long[] nanos = new long[texts.size() * passes];
        // the thread's own CPU time per call as well: on a shared machine, wall time also counts the time the
        // thread waited for a core
        long[] cpu = new long[nanos.length];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (String text : texts) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                sink += judge(classifier, charter, text, offences, now);
                nanos[n] = System.nanoTime() - start;
                cpu[n++] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf("%n== classify + %d-rule charter, one comment, one thread (%d calls over %d texts, %d rule matches)%n",
                charter.rules().size(), nanos.length, texts.size(), sink);
        System.out.printf("classify+charter  p50 %.1f us  p99 %.1f us  max %.1f us%n",
                nanos[nanos.length / 2] / 1000.0, nanos[(int) (nanos.length * 0.99)] / 1000.0, nanos[nanos.length - 1] / 1000.0);
        System.out.printf("  thread CPU     p50 %.1f us  p99 %.1f us  max %.1f us%n",
                cpu[cpu.length / 2] / 1000.0, cpu[(int) (cpu.length * 0.99)] / 1000.0, cpu[cpu.length - 1] / 1000.0);
    }

    private static int judge(Classifier classifier, Charter charter, String text, List<Instant> offences, Instant now) {
        Classification labels = classifier.classify(text, charter.topics());
        Subject subject = new Subject(Text.of(text), labels, "negative", -0.5, "fr", "facebook", "comment", "@someone",
                offences, now, now.atZone(charter.timezone()).toLocalTime());
        return charter.matching(subject).size();
    }

    /** Fifty rules cycling through the condition kinds, none stopping the evaluation. */
    public static ObjectNode fiftyRules() {
        ObjectNode root = JSON.createObjectNode().put("timezone", "Europe/Paris");
        root.putArray("topics").add("cafe").add("espresso").add("capsule").add("livraison").add("delivery");
        ArrayNode rules = root.putArray("rules");
        for (int i = 0; i < 50; i++) {
            ObjectNode rule = rules.addObject().put("id", "rule-" + i).put("name", "Rule " + i).put("priority", i);
            ObjectNode when = rule.putObject("when");
            ArrayNode all = when.putArray("all");
            all.addObject().putObject("label").put("name", LABELS[i % LABELS.length]).put("minScore", 0.3 + (i % 5) / 10.0);
            switch (i % 5) {
                case 0 -> keywords(all.addObject(), i);
                case 1 -> all.addObject().put("regex", "\\b(?:https?://\\S+|www\\.\\S+)\\b.*\\b" + (char) ('a' + i % 26) + "\\w*");
                case 2 -> {
                    ArrayNode any = all.addObject().putArray("any");
                    any.addObject().putArray("sentiment").add("negative");
                    keywords(any.addObject(), i);
                }
                case 3 -> {
                    all.addObject().putObject("not").putArray("channel").add("linkedin").add("x");
                    all.addObject().putObject("timeOfDay").put("from", "20:00").put("to", "08:00");
                }
                default -> all.addObject().putObject("repeatOffender").put("minPrevious", 1 + i % 3).put("withinDays", 30);
            }
            ArrayNode then = rule.putArray("then");
            then.addObject().put("action", i % 2 == 0 ? "hide" : "escalate");
            then.addObject().put("action", "tag").putArray("tags").add("r" + i);
        }
        return root;
    }

    private static void keywords(ObjectNode node, int i) {
        ArrayNode words = node.putArray("keywords");
        for (String word : KEYWORDS[i % KEYWORDS.length]) {
            words.add(word);
        }
    }

    private static List<String> texts(Path data) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("toxicity/en-hatecheck-dev.csv", "toxicity/fr-mhc-dev.csv", "spam/youtube-comments-dev.csv")) {
            List<List<String>> rows = ClassifierEvaluation.Csv.read(data.resolve(file));
            int text = rows.get(0).indexOf("text");
            rows.subList(1, rows.size()).forEach(row -> texts.add(row.get(text)));
        }
        return texts;
    }
}
