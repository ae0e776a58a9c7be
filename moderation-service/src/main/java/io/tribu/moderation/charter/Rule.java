package io.tribu.moderation.charter;

import java.util.List;

/** One line of the brand's charter: when the condition holds, do the actions. */
public record Rule(String id, String name, int priority, boolean stopAfterMatch, Condition when,
                   List<RuleAction> then) {
}
