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

    /** A decision with the item it is about. */
    record Entry(InboxItem item, Decision decision) {
    }

    /** Several decisions (a batch of interactions judged by their charters): one insert for the rows, one for the events. */
    Uni<Void> recordAll(List<Entry> all) {
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        StringBuilder sql = new StringBuilder("""
                insert into decision (id, item_id, tenant, brand_id, actor, action, from_status, to_status, assignee,
                                      reason, decided_at, rule_id, charter_version, automated, details) values\s""");
        for (int i = 0; i < all.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(("(:id#, :item#, :tenant#, :brand#, :actor#, :action#, :from#, :to#, :assignee#, "
                    + ":reason#, :at, :rule#, :version#, :automated#, cast(cast(:details# as text) as jsonb))").replace("#", Integer.toString(i)));
        }
        List<Outbox.Pending> events = all.stream().map(e -> new Outbox.Pending(topic, e.item().tenant, e.item().brandId,
                DecisionRecorded.TYPE, event(e.item(), e.decision(), now))).toList();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString()).setParameter("at", now);
            for (int i = 0; i < all.size(); i++) {
                InboxItem item = all.get(i).item();
                Decision d = all.get(i).decision();
                query.setParameter("id" + i, d.id())
                        .setParameter("item" + i, item.id)
                        .setParameter("tenant" + i, item.tenant)
                        .setParameter("brand" + i, item.brandId)
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

    private static DecisionRecorded event(InboxItem item, Decision d, Instant at) {
        return new DecisionRecorded(d.id(), item.id, item.brandId, d.actor(), d.action(), d.fromStatus(), d.toStatus(),
                d.assignee(), d.reason(), d.automated(), d.ruleId(), item.publishedAt, at);
    }

    Uni<Void> record(InboxItem item, Decision decision) {
        return recordAll(List.of(new Entry(item, decision)));
    }
}
