package io.tribu.listening.enrich;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of the near-duplicate detector on {@link NearDuplicateSet}: a pair is found when the two texts
 * share a band key (what the store's lookup can find) and are then judged the same story; and how often distinct
 * texts share a band key (the lookup's wasted reads). Run by {@code listening-service/bench/near-duplicates.sh}.
 */
public final class NearDuplicateEvaluation {

    private NearDuplicateEvaluation() {
    }

    public static void main(String[] args) {
        Path root = SharedData.root().orElseThrow(() -> new IllegalStateException(
                "../shared/data not found: set TRIBU_SHARED_DATA"));
        List<NearDuplicateSet.Pair> pairs = NearDuplicateSet.pairs(root);
        Map<NearDuplicateSet.Kind, int[]> byKind = new EnumMap<>(NearDuplicateSet.Kind.class); // found, sharing, total
        for (NearDuplicateSet.Pair pair : pairs) {
            TextFingerprint a = TextFingerprint.of(pair.a());
            TextFingerprint b = TextFingerprint.of(pair.b());
            boolean sharing = a.sharesBandWith(b);
            boolean found = sharing && a.sameStoryAs(b);
            int[] counts = byKind.computeIfAbsent(pair.kind(), k -> new int[3]);
            counts[0] += found ? 1 : 0;
            counts[1] += sharing ? 1 : 0;
            counts[2]++;
        }
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int distinctSharing = 0;
        int distinct = 0;
        System.out.printf(Locale.ROOT, "%-18s %7s %7s %9s%n", "pairs", "total", "found", "share key");
        for (var e : byKind.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(Locale.ROOT, "%-18s %7d %7d %9d%n", e.getKey(), c[2], c[0], c[1]);
            if (e.getKey().copy()) {
                tp += c[0];
                fn += c[2] - c[0];
            } else {
                fp += c[0];
                distinctSharing += c[1];
                distinct += c[2];
            }
        }
        System.out.printf(Locale.ROOT, "%n# %d pairs from %d originals: precision %.4f, recall %.4f; distinct pairs "
                        + "sharing a band key %d of %d (%.4f %%)%n", pairs.size(), pairs.size() / 3,
                tp / (double) Math.max(1, tp + fp), tp / (double) (tp + fn), distinctSharing, distinct,
                100.0 * distinctSharing / distinct);
    }
}
