package io.tribu.analytics.engagement;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

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
    public Uni<Void> consumePost(Message<String> message) {
        return intake.takeOfType(PostPublishedReader.TYPE, message, PostPublishedReader.class, engagement::published);
    }

    @Incoming("engagement")
    public Uni<Void> consumeEngagement(Message<String> message) {
        return intake.take(message, EngagementCollectedReader.class, engagement::collected);
    }
}
