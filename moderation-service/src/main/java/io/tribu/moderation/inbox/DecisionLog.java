package io.tribu.moderation.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;

/** The audit trail: each decision is stored and emitted (outbox) in the caller's transaction. */
@ApplicationScoped
class DecisionLog {

    private final Outbox outbox;
    private final String topic;

    DecisionLog(Outbox outbox, @ConfigProperty(name = "tribu.topics.decisions") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    /** Several decisions on one item (a charter's actions): one insert for the rows, one for their events. */
    Uni<Void> recordAll(InboxItem item, List<Decision> all) {
        Instant now = Instant.now();
        StringBuilder sql = new StringBuilder("""
                insert into decision (id, item_id, tenant, brand_id, actor, action, from_status, to_status, assignee,
                                      reason, decided_at, rule_id, charter_version, automated, details) values\s""");
        for (int i = 0; i < all.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id#, :item, :tenant, :brand, :actor#, :action#, :from#, :to#, :assignee#, "
                    .replace("#", Integer.toString(i)))
                    .append(":reason#, :at, :rule#, :version#, :automated#, cast(cast(:details# as text) as jsonb))"
                            .replace("#", Integer.toString(i)));
        }
        List<Outbox.Pending> events = all.stream().map(d -> new Outbox.Pending(topic, item.tenant, item.brandId,
                DecisionRecorded.TYPE, new DecisionRecorded(d.id(), item.id, item.brandId, d.actor(), d.action(),
                d.fromStatus(), d.toStatus(), d.assignee(), d.reason(), d.automated(), d.ruleId(), item.publishedAt, now)))
                .toList();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString())
                    .setParameter("item", item.id)
                    .setParameter("tenant", item.tenant)
                    .setParameter("brand", item.brandId)
                    .setParameter("at", now);
            for (int i = 0; i < all.size(); i++) {
                Decision d = all.get(i);
                query.setParameter("id" + i, d.id())
                        .setParameter("actor" + i, d.actor())
                        .setParameter("action" + i, d.action())
                        .setParameter("from" + i, d.fromStatus())
                        .setParameter("to" + i, d.toStatus())
                        .setParameter("assignee" + i, d.assignee())
                        .setParameter("reason" + i, d.reason())
                        .setParameter("rule" + i, d.ruleId())
                        .setParameter("version" + i, d.charterVersion())
                        .setParameter("automated" + i, d.automated())
                        .setParameter("details" + i, d.details());
            }
            return query.executeUpdate();
        }).chain(() -> outbox.appendAll(events));
    }

    Uni<Void> record(InboxItem item, Decision decision) {
        Instant now = Instant.now();
        DecisionRecorded event = new DecisionRecorded(decision.id(), item.id, item.brandId, decision.actor(),
                decision.action(), decision.fromStatus(), decision.toStatus(), decision.assignee(), decision.reason(),
                decision.automated(), decision.ruleId(), item.publishedAt, now);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into decision (id, item_id, tenant, brand_id, actor, action, from_status, to_status,
                                                      assignee, reason, decided_at, rule_id, charter_version, automated, details)
                                values (:id, :item, :tenant, :brand, :actor, :action, :from, :to, :assignee, :reason, :at,
                                        :rule, :version, :automated, cast(cast(:details as text) as jsonb))""")
                        .setParameter("id", decision.id())
                        .setParameter("item", item.id)
                        .setParameter("tenant", item.tenant)
                        .setParameter("brand", item.brandId)
                        .setParameter("actor", decision.actor())
                        .setParameter("action", decision.action())
                        .setParameter("from", decision.fromStatus())
                        .setParameter("to", decision.toStatus())
                        .setParameter("assignee", decision.assignee())
                        .setParameter("reason", decision.reason())
                        .setParameter("at", now)
                        .setParameter("rule", decision.ruleId())
                        .setParameter("version", decision.charterVersion())
                        .setParameter("automated", decision.automated())
                        .setParameter("details", decision.details())
                        .executeUpdate())
                .chain(() -> outbox.append(topic, item.tenant, item.brandId, DecisionRecorded.TYPE, event))
                .replaceWithVoid();
    }
}
