package io.tribu.analytics.moderation;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class ModerationMeasures {

    /**
     * Stores the decision, and keeps per item when it was posted and its earliest response: this decision's time
     * if it answered at once, else (a network action awaiting publishing) none yet.
     */
    @WithSpan
    public Uni<Void> record(Mutiny.Session session, DecisionRecordedReader event) {
        DecisionRecordedReader.Data data = event.data();
        return session.createNativeQuery("""
                        insert into moderation_decision (decision_id, tenant, brand_id, item_id, action,
                                                         item_published_at, decided_at)
                        values (:decision, :tenant, :brand, :item, :action, :published, :decided)
                        on conflict (decision_id) do nothing""")
                .setParameter("decision", data.decisionId())
                .setParameter("tenant", event.tenant())
                .setParameter("brand", data.brandId())
                .setParameter("item", data.itemId())
                .setParameter("action", data.action())
                .setParameter("published", data.itemPublishedAt())
                .setParameter("decided", data.decidedAt())
                .executeUpdate()
                .chain(() -> respond(session, event.tenant(), data.brandId(), data.itemId(), data.source(),
                        data.itemPublishedAt(), data.respondedAtDecision() ? data.decidedAt() : null));
    }

    /**
     * A network action publishing carried out: a done one is the item's response at its completion (unless an
     * earlier one answered it), a failed one, or a deleted reply, changes nothing. It may come before the item's decision (another topic):
     * the item then waits for its posting time, which only decisions carry.
     */
    @WithSpan
    public Uni<Void> completed(Mutiny.Session session, ActionCompletedReader event) {
        ActionCompletedReader.Data data = event.data();
        return !data.answered() ? Uni.createFrom().voidItem()
                : respond(session, event.tenant(), data.brandId(), data.itemId(), null, null, data.completedAt());
    }

    /** The source and either time may be null (not known from this event); the earliest response wins. */
    private static Uni<Void> respond(Mutiny.Session session, String tenant, String brandId, UUID item, String source,
                                     Instant published, Instant responded) {
        return session.createNativeQuery("""
                        insert into first_response (tenant, brand_id, item_id, source, item_published_at, responded_at)
                        values (:tenant, :brand, :item, cast(:source as text), cast(:published as timestamptz),
                                cast(:responded as timestamptz))
                        on conflict (tenant, brand_id, item_id)
                        do update set source = coalesce(first_response.source, excluded.source),
                                      item_published_at = coalesce(first_response.item_published_at, excluded.item_published_at),
                                      responded_at = least(first_response.responded_at, excluded.responded_at)""")
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("item", item)
                .setParameter("source", source)
                .setParameter("published", published)
                .setParameter("responded", responded)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Response times of the interactions posted in the period, and the share answered within the SLA. */
    @WithSession
    public Uni<ResponseTimes> responseTimes(String tenant, String brandId, ReportingPeriod period, Duration sla) {
        return figures(tenant, brandId, period, sla, false)
                .map(rows -> ResponseTimes.of(brandId, period, sla, ChannelResponseTimes.of(rows.get(0))));
    }

    /**
     * The same figures per channel (the item's source), most answered first; items whose channel no event named yet
     * come last, under a null channel.
     */
    @WithSession
    public Uni<ResponseTimesBreakdownView> responseTimesByChannel(String tenant, String brandId, ReportingPeriod period,
                                                                  Duration sla) {
        return figures(tenant, brandId, period, sla, true)
                .map(rows -> new ResponseTimesBreakdownView(brandId, period.from(), period.to(), "channel",
                        sla.toSeconds(), rows.stream().map(ChannelResponseTimes::of).toList()));
    }

    // One statement for the brand's figures (a single row, channel null) and for its figures per channel.
    private static Uni<List<Object[]>> figures(String tenant, String brandId, ReportingPeriod period, Duration sla,
                                               boolean byChannel) {
        String channel = byChannel ? "source" : "cast(null as text)";
        String grouping = byChannel ? "group by source order by count(*) desc, source nulls last" : "";
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select %s,
                               count(*),
                               percentile_cont(0.5) within group (order by seconds),
                               percentile_cont(0.9) within group (order by seconds),
                               avg(seconds),
                               count(*) filter (where seconds <= :sla)
                        from (select source, extract(epoch from responded_at - item_published_at) as seconds
                              from first_response
                              where tenant = :tenant and brand_id = :brand and responded_at is not null
                                and item_published_at >= :from and item_published_at < :to) answered
                        %s""".formatted(channel, grouping),
                        Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from())
                .setParameter("to", period.to())
                .setParameter("sla", (double) sla.toSeconds())
                .getResultList());
    }

    /** Decisions taken in the period, by action. */
    @WithSession
    public Uni<Map<String, Long>> decisionsByAction(String tenant, String brandId, ReportingPeriod period) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select action, count(*) from moderation_decision
                        where tenant = :tenant and brand_id = :brand and decided_at >= :from and decided_at < :to
                        group by action""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from())
                .setParameter("to", period.to())
                .getResultList()
                .map(ModerationMeasures::byAction));
    }

    private static Map<String, Long> byAction(List<Object[]> rows) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
