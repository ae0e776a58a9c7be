package io.tribu.publishing.delivery;

import io.tribu.publishing.post.MediaUrls;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.NetworkAdapter;
import io.tribu.publishing.network.Outcome;
import io.tribu.publishing.outbox.Outbox;
import io.tribu.publishing.outbox.OutboxEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Publishes due deliveries exactly once, with any number of replicas:
 * <ol>
 * <li>claim: in one transaction, due rows are locked with {@code FOR UPDATE SKIP LOCKED} (another
 * replica skips them), leased to this worker for {@code lease} and marked {@code sent-intent}, the
 * post moving to {@code publishing}. The commit records the intent BEFORE the network is called;</li>
 * <li>call the network with the delivery id as idempotency key;</li>
 * <li>record the outcome, only if this worker still holds the lease, with the events, in one transaction.</li>
 * </ol>
 * A replica killed between 1 and 3 leaves a {@code sent-intent} row whose lease runs out; the next
 * worker claims it again and reconciles by repeating the call with the same key, which every adapter
 * answers with the existing post instead of a second one (Mastodon Idempotency-Key, Bluesky record key).
 * The database does the locking, with plain SQL on the reactive pool so that many deliveries proceed
 * at once.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    static final String CLAIM = """
            with due as (
              select d.id, d.state as previous from delivery d join post p on p.id = d.post_id
              where d.state in ('pending', 'sent-intent') and d.next_attempt_at <= now()
                and (d.lease_until is null or d.lease_until < now())
                and p.status in ('scheduled', 'publishing')
              order by d.next_attempt_at
              limit $1
              for update of d, p skip locked)
            update delivery d set state = 'sent-intent', lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond',
                   attempts = d.attempts + 1
            from due where d.id = due.id
            returning d.id, d.tenant, d.brand_id, d.post_id, d.channel_id, d.network, d.text, d.media, d.due_at, d.attempts,
                      due.previous = 'sent-intent' as reconciling""";

    private final Pool pool;
    private final ChannelService channels;
    private final io.tribu.publishing.channel.TokenRefresh tokens;
    private final Outbox outbox;
    private final Map<String, NetworkAdapter> adapters;
    private final String owner;
    private final int batchSize;
    private final int concurrency;
    private final Duration lease;
    private final int maxAttempts;
    private final Backoff backoff;
    private final String topic;

    public DeliveryWorker(Pool pool, ChannelService channels, io.tribu.publishing.channel.TokenRefresh tokens, Outbox outbox, Instance<NetworkAdapter> adapters,
                          @ConfigProperty(name = "tribu.delivery.worker-id") java.util.Optional<String> workerId,
                          @ConfigProperty(name = "tribu.delivery.batch-size", defaultValue = "100") int batchSize,
                          @ConfigProperty(name = "tribu.delivery.concurrency", defaultValue = "16") int concurrency,
                          @ConfigProperty(name = "tribu.delivery.lease", defaultValue = "60s") Duration lease,
                          @ConfigProperty(name = "tribu.delivery.max-attempts", defaultValue = "8") int maxAttempts,
                          @ConfigProperty(name = "tribu.delivery.backoff-base", defaultValue = "2s") Duration backoffBase,
                          @ConfigProperty(name = "tribu.delivery.backoff-cap", defaultValue = "15m") Duration backoffCap,
                          @ConfigProperty(name = "tribu.topics.posts") String topic) {
        this.pool = pool;
        this.channels = channels;
        this.tokens = tokens;
        this.outbox = outbox;
        this.adapters = adapters.stream().collect(Collectors.toMap(adapter -> adapter.network().wire(), Function.identity()));
        this.owner = workerId.orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.backoff = new Backoff(backoffBase, backoffCap);
        this.topic = topic;
    }

    @Scheduled(every = "${tribu.delivery.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return drain(owner)
                .onFailure().invoke(failure -> LOG.warnf("Delivery tick failed, next tick retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims and delivers batches until no due delivery is left; returns how many were handled. */
    public Uni<Integer> drain(String worker) {
        return claim(worker).chain(batch -> batch.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch)
                .onItem().transformToUni(claimed -> deliver(worker, claimed)).merge(concurrency)
                .collect().asList()
                .chain(done -> batch.size() < batchSize
                        ? Uni.createFrom().item(done.size())
                        : drain(worker).map(more -> more + done.size())));
    }

    record Claimed(UUID id, String tenant, String brandId, UUID postId, UUID channelId, String network, String text,
                   List<String> media, Instant dueAt, int attempts, boolean reconciling) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getString("tenant"), row.getString("brand_id"),
                    row.getUUID("post_id"), row.getUUID("channel_id"), row.getString("network"), row.getString("text"),
                    MediaUrls.read(row.getString("media")), row.getOffsetDateTime("due_at").toInstant(), row.getInteger("attempts"), row.getBoolean("reconciling"));
        }
    }

    Uni<List<Claimed>> claim(String worker) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(batchSize, worker, lease.toMillis()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList())
                .call(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                        : connection.preparedQuery("update post set status = 'publishing' where id = any($1) and status = 'scheduled'")
                        .execute(Tuple.of(claimed.stream().map(Claimed::postId).distinct().toArray(UUID[]::new)))
                        .replaceWithVoid()));
    }

    private Uni<Void> deliver(String worker, Claimed claimed) {
        if (claimed.reconciling()) {
            LOG.infof("Delivery %s had an intent without a result (a worker stopped mid-call): reconciling with the same key",
                    claimed.id());
        }
        NetworkAdapter adapter = adapters.get(claimed.network());
        if (adapter == null) {
            return record(worker, claimed, new Outcome.Permanent("publishing to " + claimed.network() + " is not supported yet"));
        }
        return account(claimed)
                .chain(account -> account == null
                        ? Uni.createFrom().item((Outcome) new Outcome.Permanent("the channel was disconnected"))
                        : tokens.call(adapter, account, current ->
                        adapter.publish(current, claimed.text(), claimed.media(), claimed.id().toString(), mayExist(claimed))))
                .onFailure().recoverWithItem(failure -> new Outcome.Retry(null, "delivery failed: " + failure.getMessage()))
                .chain(outcome -> record(worker, claimed, outcome))
                .onFailure().invoke(failure -> LOG.warnf("Delivery %s: outcome not recorded (%s); the lease will expire and the "
                        + "next worker reconciles", claimed.id(), failure))
                .onFailure().recoverWithNull();
    }

    /**
     * Whether an earlier attempt may have reached the network: a crash mid-call, but also a timeout or a
     * 5xx answered after the network did write. Networks without an idempotency key then look first.
     */
    private static boolean mayExist(Claimed claimed) {
        return claimed.reconciling() || claimed.attempts() > 1;
    }

    private Uni<Account> account(Claimed claimed) {
        return pool.preparedQuery("select id, base_url, handle, credentials from channel where id = $1")
                .execute(Tuple.of(claimed.channelId()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Account(row.getUUID("id"), row.getString("base_url"), row.getString("handle"),
                            channels.credentialsOf(row.getUUID("id"), row.getString("credentials")));
                });
    }

    /** Writes the outcome if the lease is still ours; a worker that lost it leaves the row to the new holder. */
    Uni<Void> record(String worker, Claimed claimed, Outcome outcome) {
        Instant now = Instant.now();
        return pool.withTransaction(connection -> {
            if (outcome instanceof Outcome.Published published) {
                return finish(connection, worker, claimed, DeliveryState.PUBLISHED, published.externalId(), published.url(), null, now)
                        .call(owned -> owned ? emit(connection, claimed, DeliveryEvents.PUBLISHED,
                                new DeliveryEvents.Published(claimed.postId(), claimed.id(), claimed.brandId(), claimed.channelId(),
                                        claimed.network(), published.externalId(), published.url(), claimed.dueAt(), now,
                                        claimed.attempts())) : Uni.createFrom().voidItem())
                        .call(owned -> settlePost(connection, claimed.postId()))
                        .replaceWithVoid();
            }
            if (outcome instanceof Outcome.Retry retry && claimed.attempts() < maxAttempts) {
                Instant next = now.plus(backoff.after(claimed.attempts(), retry.after()));
                return connection.preparedQuery("""
                                update delivery set state = 'pending', lease_owner = null, lease_until = null,
                                       next_attempt_at = $3, last_error = $4
                                where id = $1 and lease_owner = $2 and state = 'sent-intent'""")
                        .execute(Tuple.of(claimed.id(), worker, utc(next), retry.reason()))
                        .replaceWithVoid();
            }
            String reason = reason(outcome);
            return finish(connection, worker, claimed, DeliveryState.FAILED, null, null, reason, now)
                    .call(owned -> owned ? emit(connection, claimed, DeliveryEvents.FAILED,
                            new DeliveryEvents.Failed(claimed.postId(), claimed.id(), claimed.brandId(), claimed.channelId(),
                                    claimed.network(), reason, claimed.attempts(), claimed.dueAt(), now))
                            : Uni.createFrom().voidItem())
                    .call(owned -> settlePost(connection, claimed.postId()))
                    .replaceWithVoid();
        });
    }

    private String reason(Outcome outcome) {
        if (outcome instanceof Outcome.Permanent permanent) {
            return permanent.reason();
        }
        if (outcome instanceof Outcome.AuthExpired expired) {
            return "the network refused the channel's token (" + expired.reason() + "); reconnect the channel";
        }
        if (outcome instanceof Outcome.Retry retry) {
            return "gave up after " + maxAttempts + " attempts: " + retry.reason();
        }
        return outcome.toString();
    }

    private static Uni<Boolean> finish(SqlConnection connection, String worker, Claimed claimed, String state,
                                       String externalId, String url, String error, Instant now) {
        return connection.preparedQuery("""
                        update delivery set state = $3, lease_owner = null, lease_until = null, external_id = $4, url = $5,
                               last_error = $6, published_at = $7
                        where id = $1 and lease_owner = $2 and state = 'sent-intent'""")
                .execute(Tuple.from(java.util.Arrays.asList(claimed.id(), worker, state, externalId, url, error,
                        state.equals(DeliveryState.PUBLISHED) ? utc(now) : null)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** published when every delivery is; failed when none is left to try and one failed; else still publishing. */
    private static Uni<Void> settlePost(SqlConnection connection, UUID postId) {
        return connection.preparedQuery("""
                        update post set status = case
                            when not exists (select 1 from delivery where post_id = $1 and state <> 'published') then 'published'
                            when not exists (select 1 from delivery where post_id = $1 and state in ('pending', 'sent-intent')) then 'failed'
                            else status end
                        where id = $1 and status = 'publishing'""")
                .execute(Tuple.of(postId)).replaceWithVoid();
    }

    private Uni<Void> emit(SqlConnection connection, Claimed claimed, String type, Object data) {
        OutboxEvent row = outbox.build(topic, claimed.tenant(), claimed.brandId(), type, data);
        return connection.preparedQuery("insert into outbox_event (id, topic, message_key, payload, created_at) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(row.id, row.topic, row.messageKey, row.payload, utc(row.createdAt)))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "publishing" : host;
    }

    public String owner() {
        return owner;
    }
}
