package io.tribu.moderation.link;

import io.smallrye.mutiny.Uni;
import io.tribu.moderation.inbox.InboxItemRepository;
import io.tribu.platform.intake.Intake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts the permalink publishing looked up on the inbox item. Once per event id (processed_event in the same
 * transaction), acknowledged after commit; an item that already has a url keeps it, an unknown item (or another
 * agency's) changes nothing; unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class LinkResolvedConsumer {

    private final Intake intake;
    private final LinkRequests requests;
    private final InboxItemRepository items;

    public LinkResolvedConsumer(Intake intake, LinkRequests requests, InboxItemRepository items) {
        this.intake = intake;
        this.requests = requests;
        this.items = items;
    }

    @Incoming("links-resolved")
    public Uni<Void> consume(Message<String> message) {
        return intake.takeOnce(message, LinkResolvedReader.class, this::apply);
    }

    Uni<Void> apply(LinkResolvedReader event) {
        LinkResolvedReader.Data data = event.data();
        return requests.resolved(event.tenant(), data.brandId(), data.itemId(), data.resolvedAt(),
                        data.failure() == null ? null : data.failure().reason())
                .chain(() -> data.url() == null ? Uni.createFrom().item(0)
                        : items.linkFound(event.tenant(), data.brandId(), data.itemId(), data.url()))
                .replaceWithVoid();
    }
}
