package io.tribu.moderation.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Puts the permalink publishing looked up on the inbox item. Once per event id (processed_event in the same
 * transaction), acknowledged after commit; an item that already has a url keeps it, an unknown item (or another
 * agency's) changes nothing; unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class LinkResolvedConsumer {

    private static final Logger LOG = Logger.getLogger(LinkResolvedConsumer.class);

    private final ObjectMapper json;
    private final Clock clock;
    private final EventTraces traces;

    public LinkResolvedConsumer(ObjectMapper json, Clock clock, EventTraces traces) {
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    @Incoming("links-resolved")
    public Uni<Void> consume(Message<String> message) {
        return traces.consume(message, () -> take(message));
    }

    private Uni<Void> take(Message<String> message) {
        LinkResolvedReader event;
        try {
            event = json.readValue(message.getPayload(), LinkResolvedReader.class);
        } catch (Exception e) {
            return nack(message, new IllegalArgumentException("unreadable link answer: " + e.getMessage()));
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, new IllegalArgumentException("invalid link answer: " + defect));
        }
        return apply(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    Uni<Void> apply(LinkResolvedReader event) {
        LinkResolvedReader.Data data = event.data();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_id, type, processed_at) values (:id, :type, :now)
                        on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("now", clock.instant())
                .executeUpdate()
                .chain(first -> first == 0 ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                update link_request set resolved_at = :at, failure = :failure
                                where item_id = :item and tenant = :tenant and brand_id = :brand""")
                        .setParameter("at", data.resolvedAt())
                        .setParameter("failure", data.failure() == null ? null : data.failure().reason())
                        .setParameter("item", data.itemId())
                        .setParameter("tenant", event.tenant())
                        .setParameter("brand", data.brandId())
                        .executeUpdate()
                        .chain(() -> data.url() == null ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                        update inbox_item set url = :url
                                        where id = :item and tenant = :tenant and brand_id = :brand and url is null""")
                                .setParameter("url", data.url())
                                .setParameter("item", data.itemId())
                                .setParameter("tenant", event.tenant())
                                .setParameter("brand", data.brandId())
                                .executeUpdate()))))
                .replaceWithVoid();
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        if (reason instanceof IllegalArgumentException) {
            LOG.warnf("Link answer sent to the dead-letter topic: %s", reason.getMessage());
        } else {
            LOG.warn("Link answer sent to the dead-letter topic after retries", reason);
        }
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
