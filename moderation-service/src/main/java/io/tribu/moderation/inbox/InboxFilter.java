package io.tribu.moderation.inbox;

import java.time.Instant;

/**
 * What the inbox list is narrowed to; null fields do not filter; label keeps items carrying that classifier label;
 * sentiment is listening's (webhook interactions have none). Time bounds apply to publication.
 */
public record InboxFilter(InboxStatus status, String source, String assignee, Instant from, Instant to,
                          String label, String sentiment, String thread) {
}
