package io.tribu.moderation.inbox;

import io.tribu.moderation.charter.RuleAction;

import java.util.List;

/**
 * What the charter decided for a new interaction: the decisions in order (each with the rule action behind it),
 * and the item's resulting status, assignee and tags. An empty verdict leaves the item where it stands. hide, delete and reply
 * are asked of publishing and leave the status as the other actions made it until publishing confirms them.
 */
record Verdict(List<Step> steps, String status, String assignee, List<String> tags) {

    record Step(RuleAction action, Decision decision) {

        boolean onNetwork() {
            return action.type() == RuleAction.Type.HIDE || action.type() == RuleAction.Type.DELETE
                    || action.type() == RuleAction.Type.REPLY;
        }
    }

    /**
     * A decision settled at once (assign, escalate, approve...) is a response: it stops the SLA clock. A tag is
     * none, and a network action stops it only once publishing confirms it.
     */
    boolean responded() {
        return steps.stream().anyMatch(s -> s.action().type() != RuleAction.Type.TAG && !s.onNetwork());
    }

    /** A hide or delete decided: counts as an offence of the author for later interactions. */
    boolean offence() {
        return steps.stream().anyMatch(s -> s.action().type() == RuleAction.Type.HIDE || s.action().type() == RuleAction.Type.DELETE);
    }
}
