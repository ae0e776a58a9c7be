package io.tribu.moderation.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.inbox.InboxIntake;
import io.tribu.moderation.inbox.ItemLifecycle;
import io.tribu.moderation.inbox.MentionRecordedReader;
import io.tribu.platform.trace.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Puts the reviews publishing reads from the brands' locations (Google Business Profile) into the inbox: a new review is
 * an item ({@code source} the network, {@code kind} review, the location as thread, the review's resource name as
 * external id for replies, its stars as {@code rating}); an updated one revises its item (text and stars, judged again
 * by the charter). The business's answer read with the review is the brand's answer (its first response when the
 * review had none). Each event applies once (its id in {@code processed_event}), acknowledged after the commit;
 * unreadable events go to {@code tribu.moderation.reviews.dlq}.
 */
@ApplicationScoped
public class ReviewConsumer {

    private static final Logger LOG = Logger.getLogger(ReviewConsumer.class);

    private final ObjectMapper json;
    private final InboxIntake inbox;
    private final ItemLifecycle lifecycle;
    private final EventTraces traces;

    public ReviewConsumer(ObjectMapper json, InboxIntake inbox, ItemLifecycle lifecycle, EventTraces traces) {
        this.json = json;
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.traces = traces;
    }

    @Incoming("publishing-reviews")
    public Uni<Void> consume(Message<String> message) {
        return traces.consume(message, () -> take(message));
    }

    private Uni<Void> take(Message<String> message) {
        ReviewCollectedReader event;
        try {
            event = json.readValue(message.getPayload(), ReviewCollectedReader.class);
        } catch (Exception e) {
            return nack(message, new IllegalArgumentException("unreadable review event: " + e.getMessage()));
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, new IllegalArgumentException("invalid review event: " + defect));
        }
        return apply(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    Uni<Void> apply(ReviewCollectedReader event) {
        ReviewCollectedReader.Data d = event.data();
        UUID itemId = ReviewCollectedReader.itemId(event.tenant(), d.channelId(), d.network(), d.reviewId());
        Uni<Void> applied = "updated".equals(d.change())
                ? lifecycle.edit(event.id(), event.type(), new ItemLifecycle.Edit(event.tenant(), d.brandId(), itemId, d.text(),
                        null, null, null, d.updatedAt(), d.rating())).replaceWithVoid()
                : inbox.receive(new MentionRecordedReader(event.id(), event.type(), event.tenant(),
                        new MentionRecordedReader.Data(itemId, d.brandId(), d.network(), "review", true,
                                d.author() == null ? null : d.author().name(), d.text(), null, null, d.publishedAt(), null,
                                d.reviewName(), d.locationId(), List.of(), d.rating())));
        if (d.reply() == null) {
            return applied;
        }
        // Each version of the answer once: its time is part of its id in the item's history.
        return applied.chain(() -> lifecycle.brandReplied(new ItemLifecycle.BrandReply(event.tenant(), d.brandId(), itemId,
                d.locationId(), d.reviewName() + "/reply@" + d.reply().updatedAt(), d.network() + ":" + d.locationId(),
                d.reply().text(), d.reply().updatedAt() != null ? d.reply().updatedAt() : d.updatedAt()))).replaceWithVoid();
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        if (reason instanceof IllegalArgumentException) {
            LOG.warnf("Review event sent to the dead-letter topic: %s", reason.getMessage());
        } else {
            LOG.warn("Review event sent to the dead-letter topic after retries", reason);
        }
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
