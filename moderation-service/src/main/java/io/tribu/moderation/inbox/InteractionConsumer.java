package io.tribu.moderation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Turns owned-channel mentions into inbox items. Acknowledged only after the item and the processed
 * event id are committed together; unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class InteractionConsumer {

    private static final Logger LOG = Logger.getLogger(InteractionConsumer.class);

    private final ObjectMapper json;
    private final InboxService inbox;

    public InteractionConsumer(ObjectMapper json, InboxService inbox) {
        this.json = json;
        this.inbox = inbox;
    }

    @Incoming("mentions")
    public Uni<Void> consume(Message<String> message) {
        MentionRecordedReader event;
        try {
            event = json.readValue(message.getPayload(), MentionRecordedReader.class);
        } catch (JsonProcessingException e) {
            return nack(message, new IllegalArgumentException("unreadable mention event: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            return nack(message, new IllegalArgumentException("unreadable mention event: " + e.getMessage()));
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, new IllegalArgumentException("invalid mention event: " + defect));
        }
        if (!event.data().ownedChannel()) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return inbox.receive(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        if (reason instanceof IllegalArgumentException) {
            LOG.warnf("Mention event sent to the dead-letter topic: %s", reason.getMessage());
        } else {
            LOG.warn("Mention event sent to the dead-letter topic after retries", reason);
        }
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
