package io.tribu.moderation.comment;

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

/**
 * Puts the comments publishing reads from the brands' channels (YouTube) into the inbox: a new comment is an item
 * ({@code source} the network, {@code kind} comment or reply, the video as thread), an edited one revises its item, a
 * reply by the brand's own channel is the brand's answer to the comment it replies to. Each event applies once (its id
 * in {@code processed_event}, with the change), acknowledged after the commit; unreadable events go to
 * {@code tribu.moderation.comments.dlq}.
 */
@ApplicationScoped
public class CommentConsumer {

    private static final Logger LOG = Logger.getLogger(CommentConsumer.class);

    private final ObjectMapper json;
    private final InboxIntake inbox;
    private final ItemLifecycle lifecycle;
    private final EventTraces traces;

    public CommentConsumer(ObjectMapper json, InboxIntake inbox, ItemLifecycle lifecycle, EventTraces traces) {
        this.json = json;
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.traces = traces;
    }

    @Incoming("publishing-comments")
    public Uni<Void> consume(Message<String> message) {
        return traces.consume(message, () -> take(message));
    }

    private Uni<Void> take(Message<String> message) {
        CommentCollectedReader event;
        try {
            event = json.readValue(message.getPayload(), CommentCollectedReader.class);
        } catch (Exception e) {
            return nack(message, new IllegalArgumentException("unreadable comment event: " + e.getMessage()));
        }
        String defect = event.defect();
        if (defect != null) {
            return nack(message, new IllegalArgumentException("invalid comment event: " + defect));
        }
        return apply(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> nack(message, failure));
    }

    Uni<Void> apply(CommentCollectedReader event) {
        CommentCollectedReader.Data d = event.data();
        if (d.fromChannel()) {
            // The brand's own comment: an answer when it replies to a comment (its top-level comments answer nobody).
            return d.parentId() == null || !"new".equals(d.change()) ? Uni.createFrom().voidItem()
                    : lifecycle.brandReplied(new ItemLifecycle.BrandReply(event.tenant(), d.brandId(),
                            CommentCollectedReader.itemId(event.tenant(), d.channelId(), d.network(), d.parentId()), d.videoId(), d.commentId(),
                            d.network() + ":" + d.accountId(), d.text(), d.publishedAt())).replaceWithVoid();
        }
        var itemId = CommentCollectedReader.itemId(event.tenant(), d.channelId(), d.network(), d.commentId());
        if ("edited".equals(d.change())) {
            return lifecycle.edit(event.id(), event.type(), new ItemLifecycle.Edit(event.tenant(), d.brandId(), itemId, d.text(),
                    null, null, null, d.updatedAt())).replaceWithVoid();
        }
        return inbox.receive(new MentionRecordedReader(event.id(), event.type(), event.tenant(),
                new MentionRecordedReader.Data(itemId, d.brandId(), d.network(), d.parentId() == null ? "comment" : "reply", true,
                        d.author() == null ? null : d.author().name(), d.text(), d.url(), null, d.publishedAt(), null,
                        d.commentId(), d.videoId(), List.of())));
    }

    private static Uni<Void> nack(Message<String> message, Throwable reason) {
        if (reason instanceof IllegalArgumentException) {
            LOG.warnf("Comment event sent to the dead-letter topic: %s", reason.getMessage());
        } else {
            LOG.warn("Comment event sent to the dead-letter topic after retries", reason);
        }
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
