package io.tribu.moderation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns owned-channel mentions into inbox items, a Kafka batch at a time. The batch is acknowledged only after
 * its items and processed event ids are committed; while the database is away it is retried, unacknowledged.
 * Unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class InteractionConsumer {

    private static final Logger LOG = Logger.getLogger(InteractionConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final InboxIntake intake;
    private final Emitter<String> deadLetters;

    public InteractionConsumer(ObjectMapper json, InboxIntake intake, @Channel("mentions-dlq") Emitter<String> deadLetters) {
        this.json = json;
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @Incoming("mentions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<MentionRecordedReader> owned = new ArrayList<>();
        List<Uni<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String defect;
            MentionRecordedReader event = null;
            try {
                event = json.readValue(record.getPayload(), MentionRecordedReader.class);
                defect = event.defect();
            } catch (JsonProcessingException e) {
                defect = "unreadable: " + e.getOriginalMessage();
            } catch (RuntimeException e) {
                defect = "unreadable: " + e.getMessage();
            }
            if (event != null && event.type() != null && event.id() != null && !MentionRecordedReader.TYPE.equals(event.type())) {
                // Other event types of the topic (mention.updated, mention.withdrawn) are not defects;
                // the inbox does not apply them yet, so they are acknowledged untouched.
                continue;
            }
            if (defect != null) {
                LOG.warnf("Mention event sent to the dead-letter topic: %s", defect);
                deadLettered.add(Uni.createFrom().completionStage(deadLetters.send(record.getPayload())));
            } else if (event.data().ownedChannel()) {
                owned.add(event);
            }
        }
        return intake.receiveAll(owned)
                .onFailure().invoke(failure -> LOG.warnf("Batch of %d interactions not stored yet, retrying: %s",
                        owned.size(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), MAX_BACKOFF).indefinitely()
                // Acknowledged once the dead letters too are on their topic: none is lost if we stop now.
                .chain(() -> deadLettered.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(deadLettered).andFailFast().replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }
}
