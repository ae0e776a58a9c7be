package io.tribu.publishing.poll;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every network's poller does around its own reads, written once: each tick leases the channels due to this
 * replica ({@link PolledCursors#tick}); each channel's sweep opens the channel's account (credentials that do not open
 * fail that channel only), goes on from the cursor's page with the start of the sweep it continues, reads through
 * {@link TokenRenewal}, and ends counted ({@code results}: complete, a stop's result, error) with a stop recorded on
 * the channel ({@link PolledCursors#sweep}). A poller keeps its schedule, its span and its network's pages.
 *
 * @param <A> the network's answers
 */
public final class NetworkPolling<A> {

    private final PolledCursors cursors;
    private final ChannelService channels;
    private final TokenRenewal<A> renewal;
    private final Clock clock;
    private final Duration interval;
    private final Duration lease;
    private final Consumer<String> results;
    private final String owner;

    /**
     * {@code interval}: how long after a complete sweep (or a stop) the channel is due again; {@code lease}: how long a
     * replica holds a channel; {@code worker}: this replica's leases are named {@code worker-<random>}.
     */
    public NetworkPolling(PolledCursors cursors, ChannelService channels, TokenRenewal<A> renewal, Clock clock, Duration interval,
                          Duration lease, String worker, Consumer<String> results) {
        this.cursors = cursors;
        this.channels = channels;
        this.renewal = renewal;
        this.clock = clock;
        this.interval = interval;
        this.lease = lease;
        this.results = results;
        this.owner = worker + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One tick: the channels due, leased to this replica, each swept by {@code sweep}. */
    public Uni<Void> tick(Function<PolledCursors.Cursor, Uni<Void>> sweep) {
        return cursors.tick(owner, clock, lease, sweep);
    }

    /** One channel's sweep: {@code pages} reads and stores its pages from the cursor's. */
    public Uni<Void> sweep(PolledCursors.Cursor channel, Function<Sweep<A>, Uni<Void>> pages) {
        Instant started = channel.sweepStartedAt() != null ? channel.sweepStartedAt() : clock.instant();
        return cursors.sweep(owner, channel, clock, () -> pages.apply(new Sweep<>(this, channel, started,
                new AtomicReference<>(channels.account(channel.channelId(), cursors.network(), channel.baseUrl(), channel.handle(),
                        channel.credentials())))), results);
    }

    /** When a channel is due again: now plus the network's interval. */
    public Instant nextPoll() {
        return clock.instant().plus(interval);
    }

    /** The network asks to come back later (5xx, a 429): after {@code after} when it said, else the interval; a failure. */
    public PolledCursors.Stop later(Duration after, String reason) {
        return new PolledCursors.Stop(clock.instant().plus(after != null ? after : interval), "later", true, false, reason);
    }

    /** The network refused the read (a 4xx other than the token's): a failure, read again after the interval. */
    public PolledCursors.Stop refused(String reason) {
        return new PolledCursors.Stop(nextPoll(), "refused", true, false, reason);
    }

    String owner() {
        return owner;
    }

    TokenRenewal<A> renewal() {
        return renewal;
    }
}
