package io.tribu.moderation.inbox;

import java.util.List;
import java.util.Locale;

/** Where an inbox item stands. Stored and shown in lowercase with dashes. */
public enum InboxStatus {
    NEW, ASSIGNED, REPLIED, HIDDEN, DELETED, ESCALATED, CLOSED,
    /** Deleted at its source by its author: out of the queue, its text gone; no decision applies any more. */
    WITHDRAWN;

    /**
     * Weakest first: an item the charter (or a confirmed network action) moves ends in the strongest status asked
     * for, deleted > hidden > escalated > replied > assigned > closed > new. Withdrawn is above all: a hide publishing
     * confirms after the author deleted the comment leaves it withdrawn.
     */
    public static final List<String> BY_STRENGTH = List.of("new", "closed", "assigned", "replied", "escalated", "hidden",
            "deleted", "withdrawn");

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stronger of two statuses (wire form); the second one when they are equal. */
    static String stronger(String current, String next) {
        return BY_STRENGTH.indexOf(next) >= BY_STRENGTH.indexOf(current) ? next : current;
    }
}
