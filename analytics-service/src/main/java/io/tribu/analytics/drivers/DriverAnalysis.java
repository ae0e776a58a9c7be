package io.tribu.analytics.drivers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which terms set negative mentions apart from positive ones: the log-odds ratio with an informative
 * Dirichlet prior (Monroe, Colaresi and Quinn, "Fightin' Words", 2008). For a term w seen in
 * y_neg negative and y_pos positive mentions (each mention counts a term once):
 * <pre>
 *   α0  = 0.1 · N,  α_w = α0 · (y_neg + y_pos) / N      prior: the term's frequency in both sets together
 *   δ_w = ln((y_neg + α_w) / (n_neg + α0 − y_neg − α_w)) − ln((y_pos + α_w) / (n_pos + α0 − y_pos − α_w))
 *   σ²  = 1 / (y_neg + α_w) + 1 / (y_pos + α_w)
 *   z_w = δ_w / σ
 * </pre>
 * n_neg, n_pos are the term totals of each side, N of both. The prior shrinks rare terms towards
 * "no difference", so one odd word in one mention does not top the list. Only terms with z ≥ 1.645
 * (resp. ≤ −1.645: one-sided, a difference chance explains less than 5 % of the time) seen in at least
 * two mentions of their side are drivers: negative drivers have the highest z, positive ones the lowest.
 */
public final class DriverAnalysis {

    /** The prior weighs a tenth of the evidence: enough to tame rare terms, not to drown real ones. */
    static final double PRIOR_SHARE = 0.1;
    /** Each list is a one-sided test: z under 1.645 is a difference chance explains 5 % of the time or more. */
    static final double SIGNIFICANT_Z = 1.645;
    /** A term must appear in at least this many mentions to be a driver. */
    static final int MINIMUM_MENTIONS = 2;

    public record Text(Object id, boolean negative, String text) {
    }

    public record Driver(String term, double z, int negativeMentions, int positiveMentions, List<Object> examples) {
    }

    public record Drivers(int negativeMentions, int positiveMentions, List<Driver> negative, List<Driver> positive) {
    }

    /** {@code texts} in the order examples should be preferred (e.g. largest reach first). */
    public static Drivers analyse(List<Text> texts, int limit, int examplesPerTerm) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, List<Text>> occurrences = new HashMap<>();
        int negatives = 0;
        int positives = 0;
        for (Text text : texts) {
            if (text.negative()) {
                negatives++;
            } else {
                positives++;
            }
            Set<String> terms = Tokenizer.terms(text.text());
            for (String term : terms) {
                int[] count = counts.computeIfAbsent(term, t -> new int[2]);
                count[text.negative() ? 0 : 1]++;
                List<Text> seen = occurrences.computeIfAbsent(term, t -> new ArrayList<>());
                if (seen.size() < 50) {
                    seen.add(text);
                }
            }
        }
        double totalNegative = 0;
        double totalPositive = 0;
        for (int[] count : counts.values()) {
            totalNegative += count[0];
            totalPositive += count[1];
        }
        double total = totalNegative + totalPositive;
        double priorMass = PRIOR_SHARE * total;
        List<Driver> scored = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] count = entry.getValue();
            if (count[0] + count[1] < MINIMUM_MENTIONS) {
                continue;
            }
            double prior = priorMass * (count[0] + count[1]) / total;
            double delta = Math.log((count[0] + prior) / (totalNegative + priorMass - count[0] - prior))
                    - Math.log((count[1] + prior) / (totalPositive + priorMass - count[1] - prior));
            double variance = 1.0 / (count[0] + prior) + 1.0 / (count[1] + prior);
            double z = delta / Math.sqrt(variance);
            scored.add(new Driver(entry.getKey(), Math.round(z * 1000.0) / 1000.0, count[0], count[1], List.of()));
        }
        Comparator<Driver> byZ = Comparator.comparingDouble(Driver::z).thenComparing(Driver::term);
        List<Driver> negative = scored.stream().filter(d -> d.z() >= SIGNIFICANT_Z && d.negativeMentions() >= MINIMUM_MENTIONS)
                .sorted(byZ.reversed()).limit(limit)
                .map(d -> withExamples(d, occurrences.get(d.term()), true, examplesPerTerm)).toList();
        List<Driver> positive = scored.stream().filter(d -> d.z() <= -SIGNIFICANT_Z && d.positiveMentions() >= MINIMUM_MENTIONS)
                .sorted(byZ).limit(limit)
                .map(d -> withExamples(d, occurrences.get(d.term()), false, examplesPerTerm)).toList();
        return new Drivers(negatives, positives, negative, positive);
    }

    private static Driver withExamples(Driver driver, List<Text> seen, boolean negative, int examples) {
        List<Object> ids = seen.stream().filter(text -> text.negative() == negative).limit(examples)
                .map(Text::id).toList();
        return new Driver(driver.term(), driver.z(), driver.negativeMentions(), driver.positiveMentions(), ids);
    }
}
