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

    Uni<ChannelCredentials> refresh(Account account);

    boolean refreshable(ChannelCredentials credentials);

    boolean refreshDue(ChannelCredentials credentials, Instant now);
}
