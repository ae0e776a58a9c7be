package io.tribu.moderation.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import io.tribu.platform.outbox.Outbox;
import io.tribu.moderation.sql.Columns;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The audit trail: each decision is stored and emitted (outbox) in the caller's transaction. */
@ApplicationScoped
class DecisionLog {

    private final Outbox outbox;
    private final String topic;
    private final Clock clock;

    DecisionLog(Outbox outbox, ModerationConfig config, Clock clock) {
        this.outbox = outbox;
        this.topic = config.topics().decisions();
        this.clock = clock;
    }

    /** A decision with the item it is about. */
    record Entry(InboxItem item, Decision decision) {
    }

    /** Several decisions (a batch of interactions judged by their charters): one insert for the rows, one for the events. */
    Uni<Void> recordAll(List<Entry> all) {
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        List<Outbox.Pending> events = all.stream().map(e -> new Outbox.Pending(topic, e.item().tenant, e.item().brandId,
                DecisionRecorded.TYPE, event(e.item(), e.decision(), now))).toList();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into decision (id, item_id, tenant, brand_id, actor, action, from_status, to_status, assignee,
                                              reason, decided_at, rule_id, charter_version, automated, details, via)
                        select cast(id as uuid), cast(item as uuid), tenant, brand, actor, action, from_status, to_status,
                               assignee, reason, :at, rule, cast(version as int), cast(automated as boolean), cast(details as jsonb),
                               via
                        from unnest(cast(:ids as text[]), cast(:items as text[]), cast(:tenants as text[]), cast(:brands as text[]),
                                    cast(:actors as text[]), cast(:actions as text[]), cast(:froms as text[]), cast(:tos as text[]),
                                    cast(:assignees as text[]), cast(:reasons as text[]), cast(:rules as text[]),
                                    cast(:versions as text[]), cast(:automated as text[]), cast(:details as text[]),
                                    cast(:vias as text[]))
                             as t(id, item, tenant, brand, actor, action, from_status, to_status, assignee, reason, rule,
                                  version, automated, details, via)""")
                .setParameter("at", now)
                .setParameter("ids", Columns.of(all, e -> e.decision().id()))
                .setParameter("items", Columns.of(all, e -> e.item().id))
                .setParameter("tenants", Columns.of(all, e -> e.item().tenant))
                .setParameter("brands", Columns.of(all, e -> e.item().brandId))
                .setParameter("actors", Columns.of(all, e -> e.decision().actor()))
                .setParameter("actions", Columns.of(all, e -> e.decision().action()))
                .setParameter("froms", Columns.of(all, e -> e.decision().fromStatus()))
                .setParameter("tos", Columns.of(all, e -> e.decision().toStatus()))
                .setParameter("assignees", Columns.of(all, e -> e.decision().assignee()))
                .setParameter("reasons", Columns.of(all, e -> e.decision().reason()))
                .setParameter("rules", Columns.of(all, e -> e.decision().ruleId()))
                .setParameter("versions", Columns.of(all, e -> e.decision().charterVersion()))
                .setParameter("automated", Columns.of(all, e -> e.decision().automated()))
                .setParameter("details", Columns.of(all, e -> e.decision().details()))
                .setParameter("vias", Columns.of(all, e -> e.decision().via()))
                .executeUpdate())
                .chain(() -> outbox.appendAll(events));
    }

    private static DecisionRecorded event(InboxItem item, Decision d, Instant at) {
        return new DecisionRecorded(d.id(), item.id, item.brandId, item.source, d.actor(), d.action(), d.fromStatus(), d.toStatus(),
                d.assignee(), d.reason(), d.automated(), d.ruleId(), item.publishedAt, at);
    }

    /** What rules already did to the item, as rule id:action. */
    Uni<Set<String>> ruleActions(UUID itemId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select rule_id || ':' || action from decision where item_id = :item and rule_id is not null", String.class)
                .setParameter("item", itemId)
                .getResultList())
                .map(HashSet::new);
    }

    Uni<Void> record(InboxItem item, Decision decision) {
        return recordAll(List.of(new Entry(item, decision)));
    }
}
