package io.tribu.moderation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tribu.platform.intake.IntakeMetrics;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns owned-channel mentions into inbox items, a Kafka batch at a time, and applies their edits and deletions at
 * the source to the items. A batch is applied in its order (a mention and its edit may share it), and acknowledged
 * only after its changes and processed event ids are committed; while the database is away it is retried,
 * unacknowledged. Unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class InteractionConsumer {

    private static final Logger LOG = Logger.getLogger(InteractionConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final InboxIntake intake;
    private final ItemLifecycle lifecycle;
    private final Emitter<String> deadLetters;
    private final IntakeMetrics metrics;
    private final EventTraces traces;

    public InteractionConsumer(ObjectMapper json, InboxIntake intake, ItemLifecycle lifecycle,
                               @Channel("mentions-dlq") Emitter<String> deadLetters, IntakeMetrics metrics,
                               EventTraces traces) {
        this.json = json;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.traces = traces;
    }

    @Incoming("mentions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return traces.consume(batch, () -> take(batch));
    }

    private Uni<Void> take(KafkaRecordBatch<String, String> batch) {
        List<Supplier<Uni<?>>> steps = new ArrayList<>();
        List<MentionRecordedReader> arrivals = new ArrayList<>();
        List<Uni<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String defect;
            try {
                defect = read(json.readTree(record.getPayload()), arrivals, steps);
            } catch (JsonProcessingException e) {
                defect = "unreadable: " + e.getOriginalMessage();
            } catch (RuntimeException e) {
                defect = "unreadable: " + e.getMessage();
            }
            if (defect != null) {
                LOG.warnf("Mention event sent to the dead-letter topic: %s", defect);
                deadLettered.add(Uni.createFrom().completionStage(deadLetters.send(record.getPayload()))
                        .invoke(() -> metrics.deadLettered(record.getTopic())));
            }
        }
        storeArrivals(arrivals, steps);
        Uni<?> applied = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : steps) {
            applied = applied.chain(step);
        }
        return applied
                .onFailure().invoke(failure -> LOG.warnf("Batch of %d mention events not applied yet, retrying: %s",
                        batch.getRecords().size(), failure.getMessage()))
                // Every step is idempotent (processed event ids): a retry redoes only what did not commit.
                .onFailure().retry().withBackOff(Duration.ofMillis(200), MAX_BACKOFF).indefinitely()
                // Acknowledged once the dead letters too are on their topic: none is lost if we stop now.
                .chain(() -> deadLettered.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(deadLettered).andFailFast().replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(() -> metrics.processed(batch.getRecords().get(0).getTopic(),
                        batch.getRecords().size() - deadLettered.size()));
    }

    /** Adds the event's step; returns why it cannot be applied, or null. */
    private String read(JsonNode event, List<MentionRecordedReader> arrivals, List<Supplier<Uni<?>>> steps)
            throws JsonProcessingException {
        String type = event.path("type").asText(null);
        if (MentionUpdatedReader.TYPE.equals(type)) {
            MentionUpdatedReader updated = json.treeToValue(event, MentionUpdatedReader.class);
            if (updated.defect() == null) {
                storeArrivals(arrivals, steps);
                MentionUpdatedReader.Data d = updated.data();
                steps.add(() -> lifecycle.edit(updated.id(), updated.type(), new ItemLifecycle.Edit(updated.tenant(),
                        d.brandId(), d.mentionId(), d.text(), d.url(), d.language(), d.sentiment(), d.editedAt())));
            }
            return updated.defect();
        }
        if (MentionWithdrawnReader.TYPE.equals(type)) {
            MentionWithdrawnReader withdrawn = json.treeToValue(event, MentionWithdrawnReader.class);
            if (withdrawn.defect() == null) {
                storeArrivals(arrivals, steps);
                MentionWithdrawnReader.Data d = withdrawn.data();
                steps.add(() -> lifecycle.withdraw(withdrawn.id(), withdrawn.type(), new ItemLifecycle.Withdrawal(
                        withdrawn.tenant(), d.brandId(), d.mentionId(), d.withdrawnAt(), d.reason())));
            }
            return withdrawn.defect();
        }
        if (type != null && !MentionRecordedReader.TYPE.equals(type) && event.hasNonNull("id")) {
            // Another type of the topic, added by listening after this reader was written: not a defect.
            return null;
        }
        MentionRecordedReader recorded = json.treeToValue(event, MentionRecordedReader.class);
        String defect = recorded.defect();
        if (defect == null && recorded.data().ownedChannel()) {
            arrivals.add(recorded);
        }
        return defect;
    }

    /** The arrivals read so far become one multi-row step, before the edit or deletion that follows them. */
    private void storeArrivals(List<MentionRecordedReader> arrivals, List<Supplier<Uni<?>>> steps) {
        if (!arrivals.isEmpty()) {
            List<MentionRecordedReader> run = List.copyOf(arrivals);
            arrivals.clear();
            steps.add(() -> intake.receiveAll(run));
        }
    }
}
