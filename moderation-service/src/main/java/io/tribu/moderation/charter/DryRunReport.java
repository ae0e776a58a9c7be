package io.tribu.moderation.charter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a charter would have done over the last days of the inbox. charterVersion is null for a draft;
 * truncated says only the newest items were replayed; items lists at most the first 200 matched; each rule
 * says what it would have done (its actions counted) with up to 5 examples of its own, newest first.
 */
public record DryRunReport(Integer charterVersion, int days, int evaluated, boolean truncated, int matched,
                           List<RuleCount> rules, Map<String, Integer> actions, List<ItemOutcome> items) {

    public record RuleCount(String ruleId, String name, int matches, Map<String, Integer> actions,
                            List<ItemOutcome> examples) {
    }

    /** One item: its status now and what the rules would have done. */
    public record ItemOutcome(UUID itemId, Instant receivedAt, String author, String excerpt, String currentStatus,
                              List<String> rules, List<String> actions) {
    }
}
