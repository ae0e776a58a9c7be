package io.tribu.moderation.action;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.intake.Intake;
import io.tribu.moderation.inbox.DecisionAction;
import io.tribu.moderation.inbox.InboxItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Shows on the inbox item what publishing did with a requested action. Idempotent (processed_event in the
 * same transaction), acknowledged after commit; unreadable events go to the dead-letter topic.
 */
@ApplicationScoped
public class ActionOutcomeConsumer {

    private final Intake intake;
    private final NetworkActions actions;
    private final InboxItemRepository items;

    public ActionOutcomeConsumer(Intake intake, NetworkActions actions, InboxItemRepository items) {
        this.intake = intake;
        this.actions = actions;
        this.items = items;
    }

    @Incoming("action-outcomes")
    public Uni<Void> consume(Message<String> message) {
        return intake.takeOnce(message, ActionCompletedReader.class, this::apply);
    }

    /**
     * Only a request still waiting takes the outcome: a replay, or another action's outcome, changes nothing. done
     * makes the item hidden, deleted or replied (unless it already stands stronger, e.g. deleted) and, if nothing
     * answered it before, dates its first response at the network's completion: the SLA clock stops on a confirmed
     * answer; a done delete_reply makes a replied item wait again. failed leaves the item where it was, the reason on
     * its network action, and the SLA clock running.
     */
    Uni<Void> apply(ActionCompletedReader event) {
        ActionCompletedReader.Data data = event.data();
        return actions.complete(event.tenant(), data.actionId(), data.outcome(), data.reason(), data.resultUrl(),
                        data.completedAt())
                .chain(settled -> settled == null || !"done".equals(data.outcome()) ? Uni.createFrom().item(0)
                : DecisionAction.confirmedStatus(settled.action()) == null ? items.replyRemoved(settled.itemId())
                : items.actionConfirmed(settled.itemId(), DecisionAction.confirmedStatus(settled.action()),
                        data.completedAt()))
                .replaceWithVoid();
    }
}
