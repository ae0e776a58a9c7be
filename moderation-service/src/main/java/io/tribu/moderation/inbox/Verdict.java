package io.tribu.moderation.inbox;

import io.tribu.moderation.charter.RuleAction;

import java.util.List;

/**
 * What the charter decided for a new interaction: the decisions in order (each with the rule action behind it),
 * and the item's resulting status, assignee and tags. An empty verdict leaves the item new.
 */
record Verdict(List<Step> steps, String status, String assignee, List<String> tags) {

    record Step(RuleAction action, Decision decision) {

        boolean onNetwork() {
            return action.type() == RuleAction.Type.HIDE || action.type() == RuleAction.Type.DELETE
                    || action.type() == RuleAction.Type.REPLY;
        }
    }

    static final Verdict NONE = new Verdict(List.of(), InboxStatus.NEW.wire(), null, List.of());

    /** Any decision but a tag is a response: it stops the SLA clock. */
    boolean responded() {
        return steps.stream().anyMatch(s -> s.action().type() != RuleAction.Type.TAG);
    }

    /** A hide or delete: counts as an offence of the author for later interactions. */
    boolean offence() {
        return status.equals(InboxStatus.HIDDEN.wire()) || status.equals(InboxStatus.DELETED.wire());
    }
}
