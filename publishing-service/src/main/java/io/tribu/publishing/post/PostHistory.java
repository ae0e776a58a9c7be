package io.tribu.publishing.post;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The history of each post: every transition, edit and comment, in the caller's transaction. */
@ApplicationScoped
public class PostHistory {

    /** via: the agent the actor acted through (e.g. "MCP, client Claude"), null when the actor acted themselves. */
    public record Line(String actor, String action, String fromStatus, String toStatus, String comment, Instant at,
                       String via) {
    }

    private final Clock clock;

    public PostHistory(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> append(Post post, String actor, String action, String fromStatus, String comment) {
        return append(post, actor, action, fromStatus, comment, null);
    }

    public Uni<Void> append(Post post, String actor, String action, String fromStatus, String comment, String via) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into post_history (id, post_id, tenant, actor, action, from_status, to_status, comment, at, via)
                        values (:id, :post, :tenant, :actor, :action, :from, :to, :comment, :at, :via)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("post", post.id)
                .setParameter("tenant", post.tenant)
                .setParameter("actor", actor)
                .setParameter("action", action)
                .setParameter("from", fromStatus)
                .setParameter("to", post.status)
                .setParameter("comment", comment)
                .setParameter("at", clock.instant())
                .setParameter("via", via)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** Whether {@code actor} edited the post at some point (in the caller's session). */
    public Uni<Boolean> editedBy(Post post, String actor) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select count(*) from post_history
                        where post_id = :post and tenant = :tenant and action = 'edit' and actor = :actor""", Long.class)
                .setParameter("post", post.id)
                .setParameter("tenant", post.tenant)
                .setParameter("actor", actor)
                .getSingleResult()
                .map(count -> count > 0));
    }

    @WithSession
    public Uni<List<Line>> of(Post post) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select actor, action, from_status, to_status, comment, at, via from post_history
                        where post_id = :post and tenant = :tenant order by at, id""", Object[].class)
                .setParameter("post", post.id)
                .setParameter("tenant", post.tenant)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Line((String) row[0], (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], instant(row[5]), (String) row[6])).toList()));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
