package io.tribu.moderation.link;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Asks publishing for the permalink of interactions delivered without one (Instagram comments). The request row and
 * its event are written in the caller's transaction (outbox), once per item: a redelivered comment asks nothing more.
 */
@ApplicationScoped
public class LinkRequests {

    public static final String INSTAGRAM = "instagram";

    private final Outbox outbox;
    private final String topic;
    private final Clock clock;

    public LinkRequests(Outbox outbox, ModerationConfig config, Clock clock) {
        this.outbox = outbox;
        this.topic = config.topics().links();
        this.clock = clock;
    }

    /** A comment stored under itemId, made on mediaId of the Instagram account accountId. */
    public record Comment(UUID itemId, String accountId, String mediaId, String commentId) {
    }

    /** Records publishing's answer to the item's request (resolved, or the failure's reason), in the caller's transaction. */
    public Uni<Integer> resolved(String tenant, String brandId, UUID itemId, Instant at, String failure) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update link_request set resolved_at = :at, failure = :failure
                        where item_id = :item and tenant = :tenant and brand_id = :brand""")
                .setParameter("at", at)
                .setParameter("failure", failure)
                .setParameter("item", itemId)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .executeUpdate());
    }

    /** Requests the links of those comments whose items exist without a url and were never asked for; in a transaction. */
    public Uni<Integer> request(String tenant, String brandId, List<Comment> comments) {
        List<Comment> complete = comments.stream()
                .filter(c -> c.accountId() != null && c.mediaId() != null && c.commentId() != null).toList();
        if (complete.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into link_request (item_id, request_id, tenant, brand_id, requested_at)
                        select i.id, gen_random_uuid(), i.tenant, i.brand_id, :now from inbox_item i
                        where i.id = any(cast(:items as uuid[])) and i.tenant = :tenant and i.brand_id = :brand
                          and i.url is null
                        on conflict (item_id) do nothing returning item_id, request_id""", Object[].class)
                .setParameter("now", clock.instant())
                .setParameter("items", complete.stream().map(Comment::itemId).toArray(UUID[]::new))
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .getResultList())
                .chain(rows -> {
                    List<Outbox.Pending> events = new ArrayList<>();
                    for (Object[] row : rows) {
                        Comment comment = complete.stream().filter(c -> c.itemId().equals(row[0])).findFirst().orElseThrow();
                        events.add(new Outbox.Pending(topic, tenant, brandId, LinkRequested.TYPE, new LinkRequested(
                                (UUID) row[1], comment.itemId(), brandId, INSTAGRAM, comment.accountId(),
                                comment.mediaId(), comment.commentId())));
                    }
                    return outbox.appendAll(events).replaceWith(events.size());
                });
    }
}
