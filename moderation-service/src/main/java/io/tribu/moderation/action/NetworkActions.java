package io.tribu.moderation.action;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.inbox.InboxItem;
import io.tribu.moderation.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Asks publishing to hide, delete or answer an interaction on its network. The request row and its event
 * are written in the caller's transaction (outbox): a decision is never recorded without its request.
 */
@ApplicationScoped
public class NetworkActions {

    static final String NO_TARGET = "the network gave neither a URL nor an id for this interaction";

    private final Outbox outbox;
    private final String topic;

    public NetworkActions(Outbox outbox, @ConfigProperty(name = "tribu.topics.actions") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    /** action: hide, delete or reply; visibility and replyText only for reply. */
    public Uni<Void> request(InboxItem item, UUID decisionId, String action, String visibility, String replyText,
                             String requestedBy) {
        return requestAll(List.of(new Request(item, decisionId, action, visibility, replyText, requestedBy, null)));
    }

    /** One network action to ask for; failure non-null records it as failed at once with that reason. */
    public record Request(InboxItem item, UUID decisionId, String action, String visibility, String replyText,
                          String requestedBy, String failure) {
    }

    /** Several requests with one insert for the rows and one for their events, in the caller's transaction. */
    public Uni<Void> requestAll(List<Request> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        List<UUID> ids = requests.stream().map(r -> UUID.randomUUID()).toList();
        List<Outbox.Pending> events = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                insert into network_action (id, decision_id, item_id, tenant, brand_id, action, visibility, reply_text,
                                            requested_by, requested_at, outcome, reason, completed_at) values\s""");
        for (int i = 0; i < requests.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(("(:id#, :decision#, :item#, :tenant#, :brand#, :action#, :visibility#, "
                    + ":reply#, :by#, :at, :outcome#, :reason#, :completed#)").replace("#", Integer.toString(i)));
            Request r = requests.get(i);
            String failure = r.failure() != null ? r.failure() : target(r.item()) == null ? NO_TARGET : null;
            if (failure == null) {
                events.add(new Outbox.Pending(topic, r.item().tenant, r.item().brandId, ActionRequested.TYPE,
                        new ActionRequested(ids.get(i), r.item().id, r.item().brandId, r.action(), r.item().source,
                                target(r.item()), r.item().externalId, r.item().author, r.replyText(), r.visibility(),
                                r.requestedBy(), now)));
            }
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString()).setParameter("at", now);
            for (int i = 0; i < requests.size(); i++) {
                Request r = requests.get(i);
                String failure = r.failure() != null ? r.failure() : target(r.item()) == null ? NO_TARGET : null;
                query.setParameter("id" + i, ids.get(i))
                        .setParameter("decision" + i, r.decisionId())
                        .setParameter("item" + i, r.item().id)
                        .setParameter("tenant" + i, r.item().tenant)
                        .setParameter("brand" + i, r.item().brandId)
                        .setParameter("action" + i, r.action())
                        .setParameter("visibility" + i, r.visibility())
                        .setParameter("reply" + i, r.replyText())
                        .setParameter("by" + i, r.requestedBy())
                        .setParameter("outcome" + i, failure == null ? "requested" : "failed")
                        .setParameter("reason" + i, failure)
                        .setParameter("completed" + i, failure == null ? null : now);
            }
            return query.executeUpdate();
        }).chain(() -> outbox.appendAll(events));
    }

    /** The actions of each of the items, oldest first; must run inside a session. */
    public Uni<Map<UUID, List<NetworkActionView>>> ofItems(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select item_id, id, action, visibility, requested_by, requested_at, outcome, reason, result_url,
                               completed_at
                        from network_action where item_id in (:items) order by requested_at""", Object[].class)
                .setParameter("items", itemIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, List<NetworkActionView>> byItem = new HashMap<>();
                    for (Object[] row : rows) {
                        byItem.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new NetworkActionView(
                                (UUID) row[1], (String) row[2], (String) row[3], (String) row[4], instant(row[5]),
                                (String) row[6], (String) row[7], (String) row[8], instant(row[9])));
                    }
                    return byItem;
                });
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    /** The interaction's public URL, or urn:tribu:network:id when the network gave only its id (Instagram, DMs). */
    static String target(InboxItem item) {
        if (item.url != null && !item.url.isBlank()) {
            return item.url;
        }
        return item.externalId == null ? null : "urn:tribu:" + item.source + ":" + item.externalId;
    }
}
