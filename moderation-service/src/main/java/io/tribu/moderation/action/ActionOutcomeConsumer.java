package io.tribu.moderation.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.inbox.DecisionAction;
import io.tribu.moderation.inbox.InboxStatus;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Shows on the inbox item what publishing did with a requested action. Idempotent (processed_event in the
 * same transaction), acknowledged after commit; unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class ActionOutcomeConsumer {

    private static final Logger LOG = Logger.getLogger(ActionOutcomeConsumer.class);

    private final ObjectMapper json;
    private final Clock clock;
    private final EventTraces traces;

    public ActionOutcomeConsumer(ObjectMapper json, Clock clock, EventTraces traces) {
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    @Incoming("action-outcomes")
    public Uni<Void> consume(Message<String> message) {
        return traces.consume(message, () -> take(message));
    }

    private Uni<Void> take(Message<String> message) {
        ActionCompletedReader event;
        try {
            event = json.readValue(message.getPayload(), ActionCompletedReader.class);
        } catch (Exception e) {
            return nack(message, new IllegalArgumentException("unreadable action outcome: " + e.getMessage()));
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, new IllegalArgumentException("invalid action outcome: " + defect));
        }
        return apply(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    /**
     * Only a request still waiting takes the outcome: a replay, or another action's outcome, changes nothing. done
     * makes the item hidden, deleted or replied (unless it already stands stronger, e.g. deleted) and, if nothing
     * answered it before, dates its first response at the network's completion: the SLA clock stops on a confirmed
     * answer. failed leaves the item where it was, the reason on its network action, and the SLA clock running.
     */
    Uni<Void> apply(ActionCompletedReader event) {
        ActionCompletedReader.Data data = event.data();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_id, type, processed_at) values (:id, :type, :now)
                        on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("now", clock.instant())
                .executeUpdate()
                .chain(first -> first == 0 ? Uni.createFrom().item(List.<Object[]>of()) : session.createNativeQuery("""
                                update network_action set outcome = :outcome, reason = :reason, result_url = :url,
                                       completed_at = :at
                                where id = :id and tenant = :tenant and outcome = 'requested'
                                returning item_id, action""", Object[].class)
                        .setParameter("outcome", data.outcome())
                        .setParameter("reason", data.reason())
                        .setParameter("url", data.resultUrl())
                        .setParameter("at", data.completedAt())
                        .setParameter("id", data.actionId())
                        .setParameter("tenant", event.tenant())
                        .getResultList())
                .chain(settled -> settled.isEmpty() || !"done".equals(data.outcome()) ? Uni.createFrom().item(0)
                        : session.createNativeQuery("""
                                update inbox_item set version = version + 1,
                                       status = case when array_position(cast(:strength as text[]), status)
                                                          < array_position(cast(:strength as text[]), :confirmed)
                                                     then :confirmed else status end,
                                       first_response_at = coalesce(first_response_at, :at)
                                where id = :item""")
                        .setParameter("strength", InboxStatus.BY_STRENGTH.toArray(String[]::new))
                        .setParameter("confirmed", DecisionAction.confirmedStatus((String) settled.get(0)[1]))
                        .setParameter("at", data.completedAt())
                        .setParameter("item", settled.get(0)[0])
                        .executeUpdate())))
                .replaceWithVoid();
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        if (reason instanceof IllegalArgumentException) {
            LOG.warnf("Action outcome sent to the dead-letter topic: %s", reason.getMessage());
        } else {
            LOG.warn("Action outcome sent to the dead-letter topic after retries", reason);
        }
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
