package io.tribu.analytics.mention;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/**
 * Listening's mention events (recorded, updated, withdrawn), applied to the hourly aggregates of every mention
 * measure a poll's batch at a time, in partition order, each aggregate written with one statement per batch.
 */
@ApplicationScoped
public class MentionEventConsumer {

    private static final Map<String, Class<? extends MentionLifecycleEvent>> READERS = Map.of(
            MentionRecordedReader.TYPE, MentionRecordedReader.class,
            MentionUpdatedReader.TYPE, MentionUpdatedReader.class,
            MentionWithdrawnReader.TYPE, MentionWithdrawnReader.class);

    private final EventIntake intake;
    private final MentionLifecycle lifecycle;

    public MentionEventConsumer(EventIntake intake, MentionLifecycle lifecycle) {
        this.intake = intake;
        this.lifecycle = lifecycle;
    }

    @Incoming("mentions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.takeOfTypes(READERS, batch, lifecycle::apply);
    }
}
