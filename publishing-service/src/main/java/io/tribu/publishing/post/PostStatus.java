package io.tribu.publishing.post;

import java.util.Locale;

/**
 * Where a post stands in the editorial workflow: draft -> in-review -> approved (by the client) ->
 * scheduled -> publishing -> published / failed. Stored and shown in lowercase with dashes.
 */
public enum PostStatus {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHING, PUBLISHED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A post on its way to the networks, or already there, can no longer be edited. */
    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW || this == APPROVED;
    }

    public static PostStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
