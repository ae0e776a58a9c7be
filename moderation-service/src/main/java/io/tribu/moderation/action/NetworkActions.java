package io.tribu.moderation.action;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.moderation.inbox.InboxItem;
import io.tribu.platform.outbox.Outbox;
import io.tribu.moderation.sql.Columns;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
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
    private final Clock clock;

    public NetworkActions(Outbox outbox, ModerationConfig config, Clock clock) {
        this.outbox = outbox;
        this.topic = config.topics().actions();
        this.clock = clock;
    }

    /** action: hide, delete, reply or delete_reply; visibility and replyText only for reply. */
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
        Instant now = clock.instant();
        List<UUID> ids = requests.stream().map(r -> UUID.randomUUID()).toList();
        List<String> failures = requests.stream()
                .map(r -> r.failure() != null ? r.failure() : target(r.item()) == null ? NO_TARGET : null).toList();
        // Request times one microsecond apart keep an item's actions in the order they were asked for.
        String[] times = new String[requests.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = now.plusNanos(i * 1000L).toString();
        }
        List<Outbox.Pending> events = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            if (failures.get(i) == null) {
                events.add(new Outbox.Pending(topic, r.item().tenant, r.item().brandId, ActionRequested.TYPE,
                        new ActionRequested(ids.get(i), r.item().id, r.item().brandId, r.action(), r.item().source,
                                target(r.item()), r.item().externalId, r.item().author, r.replyText(), r.visibility(),
                                r.requestedBy(), now)));
            }
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into network_action (id, decision_id, item_id, tenant, brand_id, action, visibility, reply_text,
                                                    requested_by, requested_at, outcome, reason, completed_at)
                        select cast(id as uuid), cast(decision as uuid), cast(item as uuid), tenant, brand, action, visibility,
                               reply, requested_by, cast(at as timestamptz),
                               case when reason is null then 'requested' else 'failed' end, reason,
                               case when reason is null then null else cast(at as timestamptz) end
                        from unnest(cast(:ids as text[]), cast(:decisions as text[]), cast(:items as text[]),
                                    cast(:tenants as text[]), cast(:brands as text[]), cast(:actions as text[]),
                                    cast(:visibilities as text[]), cast(:replies as text[]), cast(:requesters as text[]),
                                    cast(:reasons as text[]), cast(:times as text[]))
                             as t(id, decision, item, tenant, brand, action, visibility, reply, requested_by, reason, at)""")
                .setParameter("times", times)
                .setParameter("ids", Columns.of(ids, id -> id))
                .setParameter("decisions", Columns.of(requests, Request::decisionId))
                .setParameter("items", Columns.of(requests, r -> r.item().id))
                .setParameter("tenants", Columns.of(requests, r -> r.item().tenant))
                .setParameter("brands", Columns.of(requests, r -> r.item().brandId))
                .setParameter("actions", Columns.of(requests, Request::action))
                .setParameter("visibilities", Columns.of(requests, Request::visibility))
                .setParameter("replies", Columns.of(requests, Request::replyText))
                .setParameter("requesters", Columns.of(requests, Request::requestedBy))
                .setParameter("reasons", failures.toArray(String[]::new))
                .executeUpdate()
        ).chain(() -> outbox.appendAll(events));
    }

    /** The network action a completion settled: its inbox item and what was asked. */
    public record Settled(UUID itemId, String action) {
    }

    /**
     * Records publishing's outcome on the action if it is still waiting (in the caller's transaction); null when it was
     * not (a replay, or another tenant's id).
     */
    public Uni<Settled> complete(String tenant, UUID actionId, String outcome, String reason, String resultUrl, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update network_action set outcome = :outcome, reason = :reason, result_url = :url,
                               completed_at = :at
                        where id = :id and tenant = :tenant and outcome = 'requested'
                        returning item_id, action""", Object[].class)
                .setParameter("outcome", outcome)
                .setParameter("reason", reason)
                .setParameter("url", resultUrl)
                .setParameter("at", at)
                .setParameter("id", actionId)
                .setParameter("tenant", tenant)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Settled((UUID) rows.get(0)[0], (String) rows.get(0)[1]));
    }

    /** The actions of each of the items, oldest first; must run inside a session. */
    public Uni<Map<UUID, List<NetworkActionView>>> ofItems(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select item_id, id, action, visibility, requested_by, requested_at, outcome, reason, result_url,
                               completed_at
                        from network_action where item_id in (:items) order by requested_at, id""", Object[].class)
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
