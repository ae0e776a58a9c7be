package io.tribu.moderation.inbox;

import java.util.Locale;

/**
 * What a moderator decides on an item, and the status it leads to. Network actions (hide, delete,
 * reply) come with the publishing integration; these are the decisions the inbox settles by itself.
 */
public enum DecisionAction {
    ASSIGN(InboxStatus.ASSIGNED),
    ESCALATE(InboxStatus.ESCALATED),
    CLOSE(InboxStatus.CLOSED),
    REOPEN(InboxStatus.NEW);

    private final InboxStatus result;

    DecisionAction(InboxStatus result) {
        this.result = result;
    }

    public InboxStatus result() {
        return result;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionAction fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
