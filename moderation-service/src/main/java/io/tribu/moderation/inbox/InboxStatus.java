package io.tribu.moderation.inbox;

import java.util.Locale;

/** Where an inbox item stands. Stored and shown in lowercase with dashes. */
public enum InboxStatus {
    NEW, ASSIGNED, REPLIED, HIDDEN, DELETED, ESCALATED, CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
