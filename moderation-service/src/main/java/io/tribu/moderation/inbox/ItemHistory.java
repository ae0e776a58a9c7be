package io.tribu.moderation.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What happened to items at their source (item_change), beside the decisions taken on them; in the caller's session. */
@ApplicationScoped
class ItemHistory {

    static final String EDITED = "edited";
    static final String WITHDRAWN = "withdrawn";
    static final String BRAND_REPLIED = "brand-replied";
    static final String NOTE = "note";

    private final Clock clock;

    ItemHistory(Clock clock) {
        this.clock = clock;
    }

    /** Adds one entry; false when a reply with that externalId is already recorded on the item. */
    Uni<Boolean> record(InboxItem item, String change, Instant changedAt, String previousText, String text,
                        String reason, String externalId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into item_change (id, item_id, tenant, brand_id, change, changed_at, recorded_at,
                                                 previous_text, text, reason, external_id)
                        select cast(t.v[1] as uuid), cast(t.v[2] as uuid), t.v[3], t.v[4], t.v[5], cast(t.v[6] as timestamptz),
                               cast(t.v[7] as timestamptz), t.v[8], t.v[9], t.v[10], t.v[11]
                        from (select cast(:values as text[]) as v) t
                        on conflict (item_id, external_id) where external_id is not null do nothing""")
                // One text array: null values stay typed, which separate null parameters would not.
                .setParameter("values", new String[]{UUID.randomUUID().toString(), item.id.toString(), item.tenant,
                        item.brandId, change, changedAt.toString(), clock.instant().toString(), previousText, text, reason,
                        externalId})
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** A moderator's note, dated now; in the caller's transaction. */
    Uni<ItemTimeline.Entry> note(InboxItem item, String actor, String text) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into item_change (id, item_id, tenant, brand_id, change, changed_at, recorded_at, text, actor)
                        values (:id, :item, :tenant, :brand, :change, :now, :now, :text, :actor)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("item", item.id)
                .setParameter("tenant", item.tenant)
                .setParameter("brand", item.brandId)
                .setParameter("change", NOTE)
                .setParameter("now", now)
                .setParameter("text", text)
                .setParameter("actor", actor)
                .executeUpdate())
                .replaceWith(new ItemTimeline.Entry(NOTE, now, actor, null, null, null, null, null, null, null, null, text,
                        null));
    }

    /** A withdrawn item keeps no text of its author, its history included. */
    Uni<Void> forgetText(UUID itemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update item_change set previous_text = null where item_id = :item and previous_text is not null")
                .setParameter("item", itemId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Each item's history, oldest first; must run inside a session. */
    Uni<Map<UUID, List<ItemChangeView>>> ofItems(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select item_id, change, changed_at, recorded_at, previous_text, text, reason
                        from item_change where item_id in (:items) and change <> 'note'
                        order by changed_at, recorded_at, id""", Object[].class)
                .setParameter("items", itemIds)
                .getResultList())
                .map(rows -> {
                    Map<UUID, List<ItemChangeView>> byItem = new HashMap<>();
                    for (Object[] row : rows) {
                        byItem.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new ItemChangeView(
                                (String) row[1], instant(row[2]), instant(row[3]), (String) row[4], (String) row[5],
                                (String) row[6]));
                    }
                    return byItem;
                });
    }

    /** One item's whole history (decisions, changes at the source, network outcomes), oldest first; in a session. */
    Uni<List<ItemTimeline.Entry>> timeline(UUID itemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select 'decision', decided_at, actor, action, from_status, to_status, assignee, reason, rule_id,
                               charter_version, null, null, null, 0 as step
                        from decision where item_id = :item
                        union all
                        select change, changed_at, actor, null, null, null, null, reason, null, null, null,
                               coalesce(text, previous_text), null, 1
                        from item_change where item_id = :item
                        union all
                        select 'network-outcome', completed_at, requested_by, action, null, null, null, reason, null, null,
                               outcome, null, result_url, 2
                        from network_action where item_id = :item and completed_at is not null
                        order by 2, 14""", Object[].class)
                .setParameter("item", itemId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new ItemTimeline.Entry((String) r[0], instant(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                        r[9] == null ? null : ((Number) r[9]).intValue(), (String) r[10], (String) r[11], (String) r[12]))
                        .toList());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
