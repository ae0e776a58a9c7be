package io.tribu.moderation.inbox;

import java.util.Locale;

/**
 * What a moderator or a charter rule decides on an item, and the status it leads to. hide, delete, reply and
 * delete_reply are also asked of publishing, which carries them out on the network; tag leaves the status as it is.
 * delete_reply removes the brand's answer to a review (a Google review's reply is part of the review): a replied item
 * is unanswered again ({@link #afterReplyRemoved}), its first response stays dated.
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
    DELETE_REPLY(null),
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
        return this == HIDE || this == DELETE || this == REPLY || this == DELETE_REPLY;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionAction fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The status a network action (hide, delete, reply) leads to once publishing confirms it; null for delete_reply,
     * which takes the item back instead ({@link #afterReplyRemoved}).
     */
    public static String confirmedStatus(String networkAction) {
        DecisionAction action = fromWire(networkAction);
        if (!action.onNetwork()) {
            throw new IllegalArgumentException(networkAction + " is not a network action");
        }
        return action.result() == null ? null : action.result().wire();
    }

    /** The status of an item once the brand's answer is gone: a replied one waits again (for its assignee, if any). */
    public static String afterReplyRemoved(String status, String assignee) {
        if (!InboxStatus.REPLIED.wire().equals(status)) {
            return status;
        }
        return assignee == null ? InboxStatus.NEW.wire() : InboxStatus.ASSIGNED.wire();
    }
}
