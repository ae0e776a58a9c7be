package io.tribu.publishing.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Takes moderation's link requests in: each is stored once per request id and acknowledged at once, so a rate limit
 * on Graph never holds the partition ({@link LinkWorker} answers later). Unreadable or incomplete events are nacked
 * to {@code tribu.publishing.links.dlq} with the reason.
 */
@ApplicationScoped
public class LinkIntake {

    private static final Logger LOG = Logger.getLogger(LinkIntake.class);

    private final ObjectMapper json;
    private final LinkRequests requests;
    private final Clock clock;
    private final EventTraces traces;

    public LinkIntake(ObjectMapper json, LinkRequests requests, Clock clock, EventTraces traces) {
        this.json = json;
        this.requests = requests;
        this.clock = clock;
        this.traces = traces;
    }

    @Incoming("moderation-links")
    public Uni<Void> consume(Message<String> message) {
        return traces.consume(message, () -> take(message));
    }

    private Uni<Void> take(Message<String> message) {
        LinkRequestedReader event;
        try {
            event = json.readValue(message.getPayload(), LinkRequestedReader.class);
        } catch (JsonProcessingException e) {
            return nack(message, "unreadable event: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return nack(message, "unreadable event: " + e.getMessage());
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, "invalid event " + event.id() + ": " + defect);
        }
        return requests.store(event, clock.instant())
                // Database hiccups are retried in place: the event is good, only storing it failed.
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure.getMessage()));
    }

    private static Uni<Void> nack(Message<String> message, String reason) {
        LOG.warnf("Link request sent to the dead-letter topic: %s", reason);
        return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(reason)));
    }
}
