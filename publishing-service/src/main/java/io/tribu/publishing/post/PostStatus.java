package io.tribu.publishing.post;

import java.util.Locale;

/**
 * Where a post stands in the editorial workflow. Stored and shown in lowercase. Review, approval,
 * scheduling and publication come with the next slices of the calendar.
 */
public enum PostStatus {
    DRAFT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
