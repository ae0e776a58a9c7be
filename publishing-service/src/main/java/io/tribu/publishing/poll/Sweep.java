package io.tribu.publishing.poll;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.network.Account;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One channel's sweep in progress ({@link NetworkPolling#sweep}): the channel's cursor, when the sweep began (a sweep
 * taken over keeps its start), the account its reads use (replaced when its token is renewed), and what its pages are
 * stored under: the replica's lease, and when the channel is due again once the sweep is complete or stopped.
 *
 * @param <A> the network's answers
 */
public final class Sweep<A> {

    private final NetworkPolling<A> polling;
    private final PolledCursors.Cursor channel;
    private final Instant started;
    private final AtomicReference<Account> account;

    Sweep(NetworkPolling<A> polling, PolledCursors.Cursor channel, Instant started, AtomicReference<Account> account) {
        this.polling = polling;
        this.channel = channel;
        this.started = started;
        this.account = account;
    }

    public PolledCursors.Cursor channel() {
        return channel;
    }

    public Instant started() {
        return started;
    }

    /** The replica's lease on the channel: a page is stored only while it holds. */
    public String owner() {
        return polling.owner();
    }

    /** When the channel is due again: now plus the network's interval. */
    public Instant nextPoll() {
        return polling.nextPoll();
    }

    /** One read of the network, its token renewed once if refused ({@link TokenRenewal}). */
    public Uni<A> read(Function<Account, Uni<A>> call) {
        return polling.renewal().call(account, call, nextPoll());
    }
}
