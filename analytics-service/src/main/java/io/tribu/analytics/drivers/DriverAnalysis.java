package io.tribu.analytics.drivers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
 * n_neg, n_pos are the term totals of each side, N of both. The counts come from terms tokenised once at
 * intake ({@link Tokenizer}) and summed per day ({@code mention_term}). The prior shrinks rare terms towards
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
    /**
     * Sampled texts each side needs before an empty (or short) list means "nothing sets them apart" rather than
     * "too few texts to tell": with two sides of 5 texts, a term must be in every text of its side and none of the
     * other to pass the test; with 10 a side, in about half of them.
     */
    public static final int SAMPLE_NEEDED = 10;

    /** Why the lists may say little: the sampled texts of each side, against the {@link #SAMPLE_NEEDED} of each. */
    public record InsufficientData(int negativeMentions, int positiveMentions, int needed) {
    }

    /** Null when both sides have the texts needed. */
    public static InsufficientData insufficientData(int negativeMentions, int positiveMentions) {
        return negativeMentions < SAMPLE_NEEDED || positiveMentions < SAMPLE_NEEDED
                ? new InsufficientData(negativeMentions, positiveMentions, SAMPLE_NEEDED) : null;
    }

    /**
     * What the score reads: how many negative and positive mentions hold each term ({@code [negative, positive]})
     * and the term totals of each side (n_neg, n_pos). {@code terms} may be limited to the terms that can be
     * among the first {@code limit} drivers of a side, ties at the cut included ({@link PeriodTermCounts#candidates});
     * the totals always count every term.
     */
    public record TermCounts(int negativeMentions, int positiveMentions, long negativeTerms, long positiveTerms,
                             Map<String, int[]> terms) {
    }

    /** The z of a term held by {@code negative} and {@code positive} mentions, rounded to 3 decimals as answered. */
    static double z(int negative, int positive, long negativeTerms, long positiveTerms) {
        double totalNegative = negativeTerms;
        double totalPositive = positiveTerms;
        double total = totalNegative + totalPositive;
        double priorMass = PRIOR_SHARE * total;
        double prior = priorMass * (negative + positive) / total;
        double delta = Math.log((negative + prior) / (totalNegative + priorMass - negative - prior))
                - Math.log((positive + prior) / (totalPositive + priorMass - positive - prior));
        double variance = 1.0 / (negative + prior) + 1.0 / (positive + prior);
        return Math.round(delta / Math.sqrt(variance) * 1000.0) / 1000.0;
    }

    public record Driver(String term, double z, int negativeMentions, int positiveMentions) {
    }

    public record Drivers(int negativeMentions, int positiveMentions, List<Driver> negative, List<Driver> positive) {
    }

    public static Drivers score(TermCounts counts, int limit) {
        List<Driver> scored = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : counts.terms().entrySet()) {
            int[] count = entry.getValue();
            if (count[0] + count[1] < MINIMUM_MENTIONS) {
                continue;
            }
            scored.add(new Driver(entry.getKey(), z(count[0], count[1], counts.negativeTerms(), counts.positiveTerms()),
                    count[0], count[1]));
        }
        Comparator<Driver> byZ = Comparator.comparingDouble(Driver::z).thenComparing(Driver::term);
        List<Driver> negative = scored.stream().filter(d -> d.z() >= SIGNIFICANT_Z && d.negativeMentions() >= MINIMUM_MENTIONS)
                .sorted(byZ.reversed()).limit(limit).toList();
        List<Driver> positive = scored.stream().filter(d -> d.z() <= -SIGNIFICANT_Z && d.positiveMentions() >= MINIMUM_MENTIONS)
                .sorted(byZ).limit(limit).toList();
        return new Drivers(counts.negativeMentions(), counts.positiveMentions(), negative, positive);
    }
}
