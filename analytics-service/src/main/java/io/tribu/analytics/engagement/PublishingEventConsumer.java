package io.tribu.analytics.engagement;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Publishing's published posts and their engagement snapshots, for engagement and best time to post. */
@ApplicationScoped
public class PublishingEventConsumer {

    private final EventIntake intake;
    private final PostEngagementService engagement;

    public PublishingEventConsumer(EventIntake intake, PostEngagementService engagement) {
        this.intake = intake;
        this.engagement = engagement;
    }

    /** The posts topic also carries post.created and post.failed, acknowledged untouched. */
    @Incoming("posts")
    public Uni<Void> consumePost(KafkaRecordBatch<String, String> batch) {
        return intake.takeOfType(PostPublishedReader.TYPE, batch, PostPublishedReader.class,
                EventIntake.eachInTurn(engagement::published));
    }

    @Incoming("engagement")
    public Uni<Void> consumeEngagement(KafkaRecordBatch<String, String> batch) {
        return intake.take(batch, EngagementCollectedReader.class, engagement::collected);
    }
}
