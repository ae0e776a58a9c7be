package io.tribu.analytics.moderation;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

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
    public Uni<Void> consume(Message<String> message) {
        return intake.take(message, DecisionRecordedReader.class, measures::record);
    }
}
