package io.tribu.analytics.moderation;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Moderation's decision events, for response times and moderation volumes. */
@ApplicationScoped
public class DecisionEventConsumer {

    private final EventIntake intake;
    private final ModerationMeasures measures;

    public DecisionEventConsumer(EventIntake intake, ModerationMeasures measures) {
        this.intake = intake;
        this.measures = measures;
    }

    @Incoming("decisions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.take(batch, DecisionRecordedReader.class, EventIntake.eachInTurn(measures::record));
    }
}
