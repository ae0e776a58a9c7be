package io.tribu.moderation.inbox;

import io.quarkus.panache.common.Parameters;

import java.time.Instant;

/**
 * What the inbox list is narrowed to; null fields do not filter; label keeps items carrying that classifier label;
 * sentiment is listening's (webhook interactions have none). Time bounds apply to publication. search: words the
 * text or the author's name contains, case-insensitive. ratings: reviews with one of these star counts (other
 * interactions have none, so the filter leaves only reviews).
 */
public record InboxFilter(InboxStatus status, String source, String assignee, Instant from, Instant to,
                          String label, String sentiment, String thread, String language, String search,
                          java.util.List<Integer> ratings) {

    /** The HQL condition on InboxItem (tenant and brand first), its parameters added to the given ones. */
    String where(Parameters parameters) {
        StringBuilder query = new StringBuilder("tenant = :tenant and brandId = :brand");
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status.wire());
        }
        if (source != null) {
            query.append(" and source = :source");
            parameters.and("source", source);
        }
        if (assignee != null) {
            query.append(" and assignee = :assignee");
            parameters.and("assignee", assignee);
        }
        if (from != null) {
            query.append(" and publishedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and publishedAt < :to");
            parameters.and("to", to);
        }
        if (label != null) {
            // Keys of the labels object: a quoted name followed by a colon can only be a key in JSON text.
            query.append(" and labels like :label");
            parameters.and("label", "%\"" + label + "\":%");
        }
        if (thread != null) {
            query.append(" and thread = :thread");
            parameters.and("thread", thread);
        }
        if (sentiment != null) {
            query.append(" and sentiment = :sentiment");
            parameters.and("sentiment", sentiment);
        }
        if (language != null) {
            query.append(" and language = :language");
            parameters.and("language", language);
        }
        if (ratings != null) {
            query.append(" and rating in :ratings");
            parameters.and("ratings", ratings);
        }
        if (search != null) {
            query.append(" and (lower(text) like :search escape '\\' or lower(author) like :search escape '\\')");
            parameters.and("search", "%" + search.toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return query.toString();
    }
}
