package io.tribu.analytics.mention;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Listening's mention events, counted into hourly volumes. */
@ApplicationScoped
public class MentionEventConsumer {

    private final EventIntake intake;
    private final MentionVolumeService volumes;

    public MentionEventConsumer(EventIntake intake, MentionVolumeService volumes) {
        this.intake = intake;
        this.volumes = volumes;
    }

    @Incoming("mentions")
    public Uni<Void> consume(Message<String> message) {
        return intake.take(message, MentionRecordedReader.class, volumes::count);
    }
}
