package io.tribu.analytics.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies mention events to the hourly volumes. The message is acknowledged only after the
 * transaction holding both the effect and the processed-event id committed; unreadable events are
 * nacked, which sends them to the dead-letter topic.
 */
@ApplicationScoped
public class MentionEventConsumer {

    private static final Logger LOG = Logger.getLogger(MentionEventConsumer.class);

    private final ObjectMapper json;
    private final MentionVolumeService volumes;

    public MentionEventConsumer(ObjectMapper json, MentionVolumeService volumes) {
        this.json = json;
        this.volumes = volumes;
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
        return volumes.apply(event)
                // Database hiccups are retried in place: the event is good, only storing it failed.
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        LOG.warnf("Mention event sent to the dead-letter topic: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }

}
