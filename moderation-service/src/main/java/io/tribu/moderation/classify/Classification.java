package io.tribu.moderation.classify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every label one comment received, strongest evidence kept per label name. */
public record Classification(Map<String, Label> labels) {

    /** Score at or above which a label is said to be present (stored on the item, filterable). */
    public static final double PRESENT = 0.5;

    public Classification {
        labels = Map.copyOf(labels);
    }

    static Classification of(Collection<Label> found) {
        Map<String, Label> byName = new LinkedHashMap<>();
        for (Label label : found) {
            byName.merge(label.name(), label, (a, b) -> a.score() >= b.score() ? a : b);
        }
        return new Classification(byName);
    }

    public double score(String name) {
        Label label = labels.get(name);
        return label == null ? 0 : label.score();
    }

    public boolean has(String name) {
        return score(name) >= PRESENT;
    }

    /** Every label name a classifier can give; the inbox filter accepts only these. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("toxicity", "insult", "threat", "identity_hate",
            "spam", "scam", "personal_data", "off_topic");

    /** The labels that are present, for storage on the inbox item. */
    public List<Label> present() {
        return labels.values().stream().filter(l -> l.score() >= PRESENT).toList();
    }
}
