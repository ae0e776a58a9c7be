package io.tribu.analytics.drivers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A period's term counts summed per term id, in arrays indexed by id: the brand's packed days (12-byte
 * entries term id, negative, positive, as {@code mention_term_day.counts} holds them) and what intake added
 * since (by name, with the id when the brand has one). The term {@code ""} counts the sampled texts.
 * Names are only known for what intake added: {@link #candidates(int)} says which ids can be in the answer,
 * the caller reads their names, then {@link #counts(Map)} gives what {@link DriverAnalysis#score} reads.
 */
final class PeriodTermCounts {

    static final String TEXTS = "";
    private static final int ENTRY_BYTES = 12;

    private int[] negative = new int[4096];
    private int[] positive = new int[4096];
    private int ids;
    private int textsId = -1;
    private final Map<Integer, String> names = new HashMap<>();
    /** Terms intake added that the packer has not numbered yet. */
    private final Map<String, int[]> unnumbered = new HashMap<>();
    private Set<Integer> candidates = Set.of();

    void addPacked(byte[] counts) {
        ByteBuffer entries = ByteBuffer.wrap(counts);
        for (int at = 0; at + ENTRY_BYTES <= counts.length; at += ENTRY_BYTES) {
            add(entries.getInt(at), entries.getInt(at + 4), entries.getInt(at + 8));
        }
    }

    void addUnpacked(Integer id, String term, int negativeCount, int positiveCount) {
        if (id == null) {
            int[] count = unnumbered.computeIfAbsent(term, t -> new int[2]);
            count[0] += negativeCount;
            count[1] += positiveCount;
            return;
        }
        add(id, negativeCount, positiveCount);
        names.put(id, term);
        if (TEXTS.equals(term)) {
            textsId = id;
        }
    }

    private void add(int id, int negativeCount, int positiveCount) {
        if (id >= negative.length) {
            int length = Math.max(id + 1, negative.length * 2);
            negative = Arrays.copyOf(negative, length);
            positive = Arrays.copyOf(positive, length);
        }
        negative[id] += negativeCount;
        positive[id] += positiveCount;
        ids = Math.max(ids, id + 1);
    }

    /**
     * The ids that can be among the first {@code limit} drivers of a side, every term tied with the last one
     * included (ties go by name, unknown here); the terms without an id all stay candidates.
     * Answers the candidates whose name the caller must read.
     */
    Set<Integer> candidates(int limit) {
        long negativeTerms = negativeTerms();
        long positiveTerms = positiveTerms();
        double[] negativeZ = new double[64];
        double[] positiveZ = new double[64];
        int[] negativeIds = new int[64];
        int[] positiveIds = new int[64];
        int negatives = 0;
        int positives = 0;
        for (int id = 0; id < ids; id++) {
            int n = negative[id];
            int p = positive[id];
            if (id == textsId || (n < DriverAnalysis.MINIMUM_MENTIONS && p < DriverAnalysis.MINIMUM_MENTIONS)) {
                continue;
            }
            double z = DriverAnalysis.z(n, p, negativeTerms, positiveTerms);
            if (n >= DriverAnalysis.MINIMUM_MENTIONS && z >= DriverAnalysis.SIGNIFICANT_Z) {
                if (negatives == negativeIds.length) {
                    negativeIds = Arrays.copyOf(negativeIds, negatives * 2);
                    negativeZ = Arrays.copyOf(negativeZ, negatives * 2);
                }
                negativeIds[negatives] = id;
                negativeZ[negatives++] = z;
            } else if (p >= DriverAnalysis.MINIMUM_MENTIONS && z <= -DriverAnalysis.SIGNIFICANT_Z) {
                if (positives == positiveIds.length) {
                    positiveIds = Arrays.copyOf(positiveIds, positives * 2);
                    positiveZ = Arrays.copyOf(positiveZ, positives * 2);
                }
                positiveIds[positives] = id;
                positiveZ[positives++] = -z;
            }
        }
        Set<Integer> kept = new HashSet<>();
        keepStrongest(negativeIds, negativeZ, negatives, limit, kept);
        keepStrongest(positiveIds, positiveZ, positives, limit, kept);
        candidates = kept;
        Set<Integer> unnamed = new HashSet<>(kept);
        unnamed.removeAll(names.keySet());
        return unnamed;
    }

    /** Adds to {@code kept} the ids whose strength is at least the {@code limit}-th largest. */
    private static void keepStrongest(int[] ids, double[] strength, int count, int limit, Set<Integer> kept) {
        double weakest = Double.NEGATIVE_INFINITY;
        if (count > limit) {
            double[] sorted = Arrays.copyOf(strength, count);
            Arrays.sort(sorted);
            weakest = sorted[count - limit];
        }
        for (int i = 0; i < count; i++) {
            if (strength[i] >= weakest) {
                kept.add(ids[i]);
            }
        }
    }

    /** The counts of the candidates, named with {@code readNames} (id to term) where intake did not name them. */
    DriverAnalysis.TermCounts counts(Map<Integer, String> readNames) {
        Map<String, int[]> terms = new HashMap<>();
        for (int id : candidates) {
            String name = names.containsKey(id) ? names.get(id) : readNames.get(id);
            terms.put(name, new int[]{negative[id], positive[id]});
        }
        unnumbered.forEach((term, count) -> {
            if (!TEXTS.equals(term)) {
                terms.merge(term, count, (a, b) -> new int[]{a[0] + b[0], a[1] + b[1]});
            }
        });
        int[] texts = texts();
        return new DriverAnalysis.TermCounts(texts[0], texts[1], negativeTerms(), positiveTerms(), terms);
    }

    private int[] texts() {
        int[] texts = unnumbered.getOrDefault(TEXTS, new int[2]).clone();
        if (textsId >= 0) {
            texts[0] += negative[textsId];
            texts[1] += positive[textsId];
        }
        return texts;
    }

    private long negativeTerms() {
        return total(negative, 0);
    }

    private long positiveTerms() {
        return total(positive, 1);
    }

    private long total(int[] counts, int side) {
        long total = 0;
        for (int id = 0; id < ids; id++) {
            total += id == textsId ? 0 : counts[id];
        }
        for (Map.Entry<String, int[]> term : unnumbered.entrySet()) {
            total += TEXTS.equals(term.getKey()) ? 0 : term.getValue()[side];
        }
        return total;
    }
}
