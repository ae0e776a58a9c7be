package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;

/**
 * One network's API behind the operations delivery needs. Every publish carries a deterministic
 * idempotency key (the delivery id): calling publish again with the same key after a crash must not
 * create a second post, but answer {@link Outcome.Published} with the existing one. Each adapter
 * documents how its network makes that true.
 */
public interface NetworkAdapter extends ActionAdapter {

    Network network();

    @Override
    default String wire() {
        return network().wire();
    }

    Uni<Outcome> publish(Account account, String text, String idempotencyKey);

    /**
     * Publish with media (image or video URLs the network fetches) and, when {@code reconciling}, after a
     * crashed attempt: networks without an idempotency key first look for the post among the account's
     * latest ones. The default is for networks whose idempotency key already makes a repeat harmless.
     */
    default Uni<Outcome> publish(Account account, String text, java.util.List<String> mediaUrls, String idempotencyKey,
                                 boolean reconciling) {
        return publish(account, text, idempotencyKey);
    }

    Uni<Engagement> engagement(Account account, String externalId);

    /*
     * Moderation actions on an interaction of the brand's channel. Each answers Published (externalId
     * and url of the reply for a reply, nulls otherwise) once the network holds the wanted state. Hide,
     * unhide and delete set a state, so repeating one after a crash is harmless; a reply carries the
     * action id as idempotency key and each adapter says how a repeated call is recognised
     * ({@code reconciling}: an earlier attempt may have reached the network).
     */

    /** Hide ({@code hidden} true) or show again an interaction, in the way the network allows it. */
    default Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return unsupported(hidden ? "hide" : "unhide");
    }

    /** Remove an interaction; where the network only lets an account delete its own, others' are refused. */
    default Uni<Outcome> delete(Account account, Interaction target) {
        return unsupported("delete");
    }

    /** Answer publicly in the thread, or privately ({@code privately}) to the author. */
    default Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately,
                               String idempotencyKey, boolean reconciling) {
        return unsupported(privately ? "a private reply" : "reply");
    }

    /**
     * New tokens from the account's OAuth refresh token, or null where the network has none (the channel
     * must then be reconnected). Fails with {@link RefreshRefused} when the network refuses the refresh.
     */
    default Uni<io.tribu.publishing.channel.ChannelCredentials> refresh(Account account) {
        return Uni.createFrom().nullItem();
    }

    /** Whether {@link #refresh} can renew these credentials: by default, an OAuth refresh token and client id. */
    default boolean refreshable(io.tribu.publishing.channel.ChannelCredentials credentials) {
        return credentials.refreshable();
    }

    /**
     * Whether to refresh before the call rather than after a 401: networks whose expired tokens cannot be
     * renewed any more (Meta) refresh while the token still works.
     */
    default boolean refreshDue(io.tribu.publishing.channel.ChannelCredentials credentials, java.time.Instant now) {
        return false;
    }

    private Uni<Outcome> unsupported(String what) {
        return Uni.createFrom().item(new Outcome.Permanent(network().wire() + " does not support " + what));
    }
}
