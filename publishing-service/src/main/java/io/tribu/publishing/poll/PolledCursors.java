package io.tribu.publishing.poll;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The durable cursors of one network's polling ({@link NetworkPolling}), one row per channel in {@code table}
 * (youtube_poll, review_poll, linkedin_poll, x_poll): the
 * channels enrolled, leased to one replica at a time, the sweep's page token moved in the transaction that stores the
 * page's items and events (a restart goes on from the first page not stored: no gap, no duplicate), a stop recorded
 * with its error and when the channel is due again.
 */
public final class PolledCursors {

    /** A channel a poller holds, with its cursor. */
    public record Cursor(UUID channelId, String tenant, String brandId, String handle, String baseUrl, String credentials,
                         String pageToken, Instant sweepStartedAt, Instant watermark) {
        static Cursor of(Row row) {
            return new Cursor(row.getUUID("channel_id"), row.getString("tenant"), row.getString("brand_id"), row.getString("handle"),
                    row.getString("base_url"), row.getString("credentials"), row.getString("page_token"),
                    instant(row.getOffsetDateTime("sweep_started_at")), instant(row.getOffsetDateTime("watermark")));
        }
    }

    private static final Logger LOG = Logger.getLogger(PolledCursors.class);

    private final Pool pool;
    private final Outbox outbox;
    private final String table;
    private final String network;

    /** {@code table} and {@code network} are the service's own constants, never input. */
    public PolledCursors(Pool pool, Outbox outbox, String table, String network) {
        this.pool = pool;
        this.outbox = outbox;
        this.table = table;
        this.network = network;
    }

    /** The network whose channels these are ({@code channel.network}). */
    String network() {
        return network;
    }

    /** Channels of the network connected since the last tick get their poll row, due at once. */
    private Uni<Void> enrol(Instant now) {
        return pool.preparedQuery("insert into " + table + " (channel_id, tenant, brand_id, next_poll_at) "
                        + "select id, tenant, brand_id, $1 from channel where network = $2 on conflict (channel_id) do nothing")
                .execute(Tuple.of(utc(now), network)).replaceWithVoid();
    }

    /**
     * Why a sweep stops before its end: the cursor stays, the channel waits until {@code until}; {@code result} names
     * it in the metrics; {@code failure} starts the channel's failing time, {@code auth} says the token was refused.
     */
    public static final class Stop extends RuntimeException {
        public final Instant until;
        public final String result;
        final boolean failure;
        final boolean auth;

        public Stop(Instant until, String result, boolean failure, boolean auth, String reason) {
            super(reason, null, false, false);
            this.until = until;
            this.result = result;
            this.failure = failure;
            this.auth = auth;
        }
    }

    /**
     * One tick: enrols the new channels, then leases the channels due to {@code worker} for {@code lease}, 20 at most,
     * and sweeps them two at a time; a failure is logged and the next tick retries.
     */
    Uni<Void> tick(String worker, Clock clock, Duration lease, Function<Cursor, Uni<Void>> sweep) {
        return enrol(clock.instant()).chain(() -> drain(worker, 20, clock.instant(), lease, sweep))
                .onFailure().invoke(failure -> LOG.warnf("%s poll tick failed, next tick retries: %s", network, failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Runs one channel's sweep: a {@link Stop} pauses the channel (cursor kept), any other failure is logged and the
     * lease runs out, the sweep going on later. {@code result} hears complete, the stop's result, or error.
     */
    Uni<Void> sweep(String worker, Cursor channel, Clock clock, Supplier<Uni<Void>> pages, Consumer<String> result) {
        // Deferred: credentials that cannot be opened fail this channel's sweep only, not the others'.
        return Uni.createFrom().<Void>deferred(pages::get)
                .invoke(() -> result.accept("complete"))
                .onFailure(Stop.class).recoverWithUni(failure -> {
                    Stop stop = (Stop) failure;
                    result.accept(stop.result);
                    return pause(worker, channel.channelId(), stop.until, stop.getMessage(), stop.failure, stop.auth, clock.instant());
                })
                .onFailure().recoverWithUni(failure -> {
                    result.accept("error");
                    LOG.warnf("%s channel %s: not read (%s); its lease runs out and the sweep goes on later",
                            network, channel.channelId(), failure);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Leases up to {@code batchSize} channels due at {@code now} to {@code worker} and sweeps them, two at a time. */
    private Uni<Integer> drain(String worker, int batchSize, Instant now, Duration lease, Function<Cursor, Uni<Void>> sweep) {
        Instant leaseUntil = now.plus(lease);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                with due as (
                                  select channel_id from %1$s
                                  where next_poll_at <= $3 and (lease_until is null or lease_until < $3)
                                  order by next_poll_at
                                  limit $1
                                  for update skip locked)
                                update %1$s p set lease_owner = $2, lease_until = $4
                                from due, channel c where p.channel_id = due.channel_id and c.id = p.channel_id
                                returning p.*, c.handle, c.base_url, c.credentials""".formatted(table))
                        .execute(Tuple.of(batchSize, worker, utc(now), utc(leaseUntil)))
                        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Cursor::of).toList()))
                .chain(batch -> Multi.createFrom().iterable(batch)
                        .onItem().transformToUni(sweep::apply).merge(2)
                        .collect().asList()
                        .map(List::size));
    }

    /**
     * Stores a page of {@code sweep} in one transaction, only while its replica holds the channel: the cursor moved on
     * (pageToken null: the sweep is complete, the next starts at the sweep's {@link Sweep#nextPoll}; either way the
     * channel's error and failing time go), then {@code items} (what was read, written on the same connection) and the
     * events. Returns whether it was stored.
     */
    public Uni<Boolean> store(Sweep<?> sweep, String pageToken, Function<SqlConnection, Uni<Void>> items, List<Outbox.Pending> events) {
        String worker = sweep.owner();
        Cursor channel = sweep.channel();
        Instant sweepStartedAt = sweep.started();
        Instant nextPollAt = sweep.nextPoll();
        String cleared = "last_error = null, last_error_at = null, failing_since = null, auth_failure = false";
        return pool.withTransaction(connection -> connection.preparedQuery(pageToken == null ? """
                                update %s set page_token = null, sweep_started_at = null, watermark = $3, next_poll_at = $4,
                                       lease_owner = null, lease_until = null, %s
                                where channel_id = $1 and lease_owner = $2""".formatted(table, cleared) : """
                                update %s set page_token = $4, sweep_started_at = $3, %s
                                where channel_id = $1 and lease_owner = $2""".formatted(table, cleared))
                .execute(pageToken == null
                        ? Tuple.of(channel.channelId(), worker, utc(sweepStartedAt), utc(nextPollAt))
                        : Tuple.of(channel.channelId(), worker, utc(sweepStartedAt), pageToken))
                .chain(moved -> moved.rowCount() != 1 ? Uni.createFrom().item(false)
                        : items.apply(connection).chain(() -> outbox.appendAll(connection, events)).replaceWith(true)));
    }

    /**
     * Stops until {@code next} (an error, a spent budget), the cursor kept: the sweep goes on from where it was. A
     * {@code failure} starts (or goes on with) the channel's failing time; {@code auth}: the token was refused.
     */
    private Uni<Void> pause(String worker, UUID channelId, Instant next, String error, boolean failure, boolean auth, Instant now) {
        return pool.preparedQuery("""
                        update %s set next_poll_at = $3, last_error = $4, last_error_at = $5, lease_owner = null, lease_until = null,
                               failing_since = case when $6 then coalesce(failing_since, $5) end, auth_failure = $7
                        where channel_id = $1 and lease_owner = $2""".formatted(table))
                .execute(Tuple.from(Arrays.asList(channelId, worker, utc(next), error, utc(now), failure, auth)))
                .replaceWithVoid();
    }

    /** When the channel failing the longest began to fail; null: none is failing. */
    public Uni<Instant> failingSince() {
        return pool.query("select min(failing_since) as since from " + table).execute()
                .map(rows -> instant(rows.iterator().next().getOffsetDateTime("since")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
