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

    private final Outbox outbox;
    private final String topic;

    public NetworkActions(Outbox outbox, @ConfigProperty(name = "tribu.topics.actions") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    /** action: hide, delete or reply; visibility and replyText only for reply. */
    public Uni<UUID> request(InboxItem item, UUID decisionId, String action, String visibility, String replyText,
                             String requestedBy) {
        String target = target(item);
        if (target == null) {
            // Nothing to point the network at: record the failure rather than send a request publishing must refuse.
            return refuse(item, decisionId, action, requestedBy, "the network gave neither a URL nor an id for this interaction");
        }
        UUID actionId = UUID.randomUUID();
        Instant now = Instant.now();
        ActionRequested event = new ActionRequested(actionId, item.id, item.brandId, action, item.source, target,
                item.externalId, item.author, replyText, visibility, requestedBy, now);
        return insert(actionId, item, decisionId, action, visibility, replyText, requestedBy, now, null)
                .chain(() -> outbox.append(topic, item.tenant, item.brandId, ActionRequested.TYPE, event))
                .replaceWith(actionId);
    }

    /** An action that cannot be asked for, kept as failed with the reason so the inbox shows it. */
    public Uni<UUID> refuse(InboxItem item, UUID decisionId, String action, String requestedBy, String reason) {
        UUID actionId = UUID.randomUUID();
        return insert(actionId, item, decisionId, action, null, null, requestedBy, Instant.now(), reason)
                .replaceWith(actionId);
    }

    private Uni<Integer> insert(UUID actionId, InboxItem item, UUID decisionId, String action, String visibility,
                                String replyText, String requestedBy, Instant at, String failure) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into network_action (id, decision_id, item_id, tenant, brand_id, action, visibility,
                                                    reply_text, requested_by, requested_at, outcome, reason, completed_at)
                        values (:id, :decision, :item, :tenant, :brand, :action, :visibility, :reply, :by, :at,
                                :outcome, :reason, :completed)""")
                .setParameter("id", actionId)
                .setParameter("decision", decisionId)
                .setParameter("item", item.id)
                .setParameter("tenant", item.tenant)
                .setParameter("brand", item.brandId)
                .setParameter("action", action)
                .setParameter("visibility", visibility)
                .setParameter("reply", replyText)
                .setParameter("by", requestedBy)
                .setParameter("at", at)
                .setParameter("outcome", failure == null ? "requested" : "failed")
                .setParameter("reason", failure)
                .setParameter("completed", failure == null ? null : at)
                .executeUpdate());
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
