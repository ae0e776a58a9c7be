package io.tribu.analytics.moderation;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Moderation's decision events, for response times and moderation volumes, and the outcomes of the network actions
 * publishing carried out for moderation: a hide, delete or reply asked of the network answers the interaction when
 * it was done, as moderation's own first response.
 */
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

    @Incoming("actions")
    public Uni<Void> consumeOutcomes(KafkaRecordBatch<String, String> batch) {
        return intake.take(batch, ActionCompletedReader.class, EventIntake.eachInTurn(measures::completed));
    }
}
