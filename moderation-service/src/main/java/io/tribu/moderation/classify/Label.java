package io.tribu.moderation.classify;

import java.util.List;

/**
 * One classifier verdict: a label name, a score in 0..1 and the evidence that explains it
 * (matched words, rule names, masked personal data), so a moderator can see why.
 */
public record Label(String name, double score, List<String> evidence) {

    public Label {
        score = Math.max(0, Math.min(1, Math.round(score * 1000) / 1000.0));
        evidence = List.copyOf(evidence);
    }
}
