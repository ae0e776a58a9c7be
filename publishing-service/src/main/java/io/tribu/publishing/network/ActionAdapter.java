package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;

import java.time.Instant;

/**
 * What moderation's actions need of a network: every {@link NetworkAdapter}, and the networks Tribu moderates without
 * posting to them (Google Business Profile reviews). The action worker finds an adapter by {@link #wire()}, the
 * network's name in moderation's events; {@link NetworkAdapter} documents each operation.
 */
public interface ActionAdapter {

    /** The network's name in the API, in events and in the database. */
    String wire();

    Uni<Outcome> hide(Account account, Interaction target, boolean hidden);

    Uni<Outcome> delete(Account account, Interaction target);

    Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately, String idempotencyKey,
                       boolean reconciling);

    /**
     * Removes the brand's answer to the interaction, leaving the interaction itself (a Google review's reply); done
     * when no answer is left, a repeated request included. Only networks where an answer is a part of the
     * interaction have it.
     */
    default Uni<Outcome> deleteReply(Account account, Interaction target) {
        return Uni.createFrom().item(new Outcome.Permanent(wire() + " has no reply of its own to delete: delete the reply"
                + " itself"));
    }

    Uni<ChannelCredentials> refresh(Account account);

    boolean refreshable(ChannelCredentials credentials);

    boolean refreshDue(ChannelCredentials credentials, Instant now);
}
