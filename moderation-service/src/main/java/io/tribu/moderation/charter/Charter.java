package io.tribu.moderation.charter;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A brand's rules, compiled, in evaluation order: priority ascending (1 first), then the order they were
 * written in. A matching rule marked stopAfterMatch ends the evaluation.
 */
public record Charter(int version, ZoneId timezone, List<String> topics, List<Rule> rules) {

    public static final Charter EMPTY = new Charter(0, ZoneId.of("UTC"), List.of(), List.of());

    public Charter {
        List<Rule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(Rule::priority));
        rules = List.copyOf(ordered);
        topics = List.copyOf(topics);
    }

    public List<Rule> matching(Subject subject) {
        List<Rule> matched = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.when().test(subject)) {
                matched.add(rule);
                if (rule.stopAfterMatch()) {
                    break;
                }
            }
        }
        return matched;
    }

    /** The widest repeat-offender window any rule asks for, or 0 when none needs the author's history. */
    public int authorHistoryDays() {
        return rules.stream().mapToInt(r -> historyDays(r.when())).max().orElse(0);
    }

    private static int historyDays(Condition condition) {
        if (condition instanceof Condition.RepeatOffender r) {
            return r.withinDays();
        }
        if (condition instanceof Condition.All a) {
            return a.conditions().stream().mapToInt(Charter::historyDays).max().orElse(0);
        }
        if (condition instanceof Condition.Any a) {
            return a.conditions().stream().mapToInt(Charter::historyDays).max().orElse(0);
        }
        return condition instanceof Condition.Not n ? historyDays(n.condition()) : 0;
    }
}
