package io.tribu.publishing.link;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.intake.Intake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;

/**
 * Takes moderation's link requests in: each is stored once per request id and acknowledged at once, so a rate limit
 * on Graph never holds the partition ({@link LinkWorker} answers later). Unreadable or incomplete events are nacked
 * to {@code tribu.publishing.links.dlq} with the reason.
 */
@ApplicationScoped
public class LinkIntake {

    private final Intake intake;
    private final LinkRequests requests;
    private final Clock clock;

    public LinkIntake(Intake intake, LinkRequests requests, Clock clock) {
        this.intake = intake;
        this.requests = requests;
        this.clock = clock;
    }

    @Incoming("moderation-links")
    public Uni<Void> consume(Message<String> message) {
        return intake.take(message, LinkRequestedReader.class, event -> requests.store(event, clock.instant()));
    }
}
