package io.tribu.moderation.webhook;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.inbox.InboxIntake;
import io.tribu.moderation.inbox.ItemLifecycle;
import io.tribu.moderation.link.LinkRequests;
import io.tribu.platform.outbox.OutboxRelay;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.Function;

/**
 * Puts pushed interactions into the inbox, each once however often the network delivers it, and applies what the
 * network says happened to them since: edits, deletions, the brand's own answers.
 */
@ApplicationScoped
public class WebhookIntake {

    private final InboxIntake inbox;
    private final ItemLifecycle lifecycle;
    private final LinkRequests links;
    private final OutboxRelay relay;

    public WebhookIntake(InboxIntake inbox, ItemLifecycle lifecycle, LinkRequests links, OutboxRelay relay) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.links = links;
        this.relay = relay;
    }

    /** How many interactions were taken, items edited and withdrawn, and items the brand's answers answered. */
    record Applied(int received, int edited, int withdrawn, int answered) {
    }

    /**
     * Stored before the network hears 200: a failure makes it deliver again. Instagram comments come without a link:
     * publishing is asked for it in the same transaction (once per item).
     */
    Uni<Integer> store(WebhookChannel channel, String source, List<Interaction> interactions) {
        List<LinkRequests.Comment> unlinked = LinkRequests.INSTAGRAM.equals(channel.network)
                ? interactions.stream().filter(i -> i.url() == null && ("comment".equals(i.kind()) || "reply".equals(i.kind())))
                        .map(i -> new LinkRequests.Comment(Interaction.itemId(channel, i.externalId()), channel.accountId,
                                i.thread(), i.externalId()))
                        .toList()
                : List.of();
        if (unlinked.isEmpty()) {
            return inbox.receiveAll(interactions.stream().map(i -> i.asReceived(channel, source)).toList())
                    .replaceWith(interactions.size());
        }
        // The intake's transaction is this one: the items and their link requests commit together.
        return Panache.withTransaction(() -> inbox.receiveAll(interactions.stream().map(i -> i.asReceived(channel, source)).toList())
                        .chain(() -> links.request(channel.tenant, channel.brandId, unlinked)))
                .invoke(relay::wake)
                .replaceWith(interactions.size());
    }

    /** A Meta delivery, in its order: new interactions first, then what happened to them. Each change applies once. */
    Uni<Applied> apply(WebhookChannel channel, MetaPayload.Reading reading) {
        String actor = channel.network + ":" + channel.accountId;
        return store(channel, channel.network, reading.interactions())
                .chain(received -> count(reading.edits(), edit -> lifecycle.edit(null, null, new ItemLifecycle.Edit(
                        channel.tenant, channel.brandId, Interaction.itemId(channel, edit.externalId()), edit.text(),
                        null, null, null, edit.editedAt())).map(changed -> changed ? 1 : 0))
                        .chain(edited -> count(reading.removals(), removal -> lifecycle.withdraw(null, null,
                                new ItemLifecycle.Withdrawal(channel.tenant, channel.brandId,
                                        Interaction.itemId(channel, removal.externalId()), removal.removedAt(),
                                        "deleted-at-source")).map(changed -> changed ? 1 : 0))
                                .chain(withdrawn -> count(reading.ownReplies(), reply -> lifecycle.brandReplied(
                                        new ItemLifecycle.BrandReply(channel.tenant, channel.brandId,
                                                reply.answers() == null ? null : Interaction.itemId(channel, reply.answers()),
                                                reply.thread(), reply.externalId(), actor, reply.text(), reply.at())))
                                        .map(answered -> new Applied(received, edited, withdrawn, answered)))));
    }

    private static <T> Uni<Integer> count(List<T> changes, Function<T, Uni<Integer>> apply) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> apply.apply(change))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    static HttpProblem refused(String reason) {
        return HttpProblem.builder()
                .withType(Problems.BAD_SIGNATURE)
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(reason)
                .build();
    }
}
