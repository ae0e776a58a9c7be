package io.tribu.moderation.inbox;

import java.util.Locale;

/**
 * What a moderator or a charter rule decides on an item, and the status it leads to. hide, delete and reply
 * are also asked of publishing, which carries them out on the network; tag leaves the status as it is.
 */
public enum DecisionAction {
    ASSIGN(InboxStatus.ASSIGNED),
    ESCALATE(InboxStatus.ESCALATED),
    CLOSE(InboxStatus.CLOSED),
    REOPEN(InboxStatus.NEW),
    APPROVE(InboxStatus.CLOSED),
    HIDE(InboxStatus.HIDDEN),
    DELETE(InboxStatus.DELETED),
    REPLY(InboxStatus.REPLIED),
    TAG(null);

    private final InboxStatus result;

    DecisionAction(InboxStatus result) {
        this.result = result;
    }

    /** The status after the decision, or null when it does not change it. */
    public InboxStatus result() {
        return result;
    }

    /** A hide or delete: an offence of the item's author, for the charter's repeat-offender rules. */
    public boolean offence() {
        return this == HIDE || this == DELETE;
    }

    public boolean onNetwork() {
        return this == HIDE || this == DELETE || this == REPLY;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionAction fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status a network action (hide, delete, reply) leads to once publishing confirms it. */
    public static String confirmedStatus(String networkAction) {
        DecisionAction action = fromWire(networkAction);
        if (!action.onNetwork()) {
            throw new IllegalArgumentException(networkAction + " is not a network action");
        }
        return action.result().wire();
    }
}
