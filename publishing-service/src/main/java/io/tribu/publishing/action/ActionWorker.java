package io.tribu.publishing.action;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.comment.YoutubeActions;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.delivery.Retries;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.ActionAdapter;
import io.tribu.publishing.network.Interaction;
import io.tribu.publishing.network.Outcome;
import io.tribu.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Carries out moderation's actions on the networks exactly as delivery publishes posts: claim due rows
 * with {@code FOR UPDATE SKIP LOCKED} under a lease and commit the intent ({@code sent-intent}) before
 * any call; call the network through the brand's channel with the action id as idempotency key; record
 * the outcome and the {@code action.completed.v1} event in one transaction, only while still holding the
 * lease. A worker that dies mid-call leaves a {@code sent-intent} row whose lease runs out; the next one
 * reconciles: hide, unhide and delete set a state (repeating them changes nothing), a reply is found
 * again under the same key (Mastodon Idempotency-Key, Bluesky record key) or, for a Bluesky chat
 * message, looked for in the conversation before sending.
 */
@ApplicationScoped
public class ActionWorker {

    private static final Logger LOG = Logger.getLogger(ActionWorker.class);

    static final String CLAIM = """
            with due as (
              select action_id, state as previous from moderation_action
              where state in ('pending', 'sent-intent') and next_attempt_at <= $4
                and (lease_until is null or lease_until < $4)
              order by next_attempt_at
              limit $1
              for update skip locked)
            update moderation_action a set state = 'sent-intent', lease_owner = $2,
                   lease_until = $3, attempts = a.attempts + 1
            from due where a.action_id = due.action_id
            returning a.*, due.previous = 'sent-intent' as reconciling""";

    /**
     * The brand's channel on that network in the action's tenant; with several accounts on one network,
     * the one whose address the interaction's URL starts with, or whose handle names the interaction (a
     * Google Business Profile location, the start of its reviews' names), else the oldest.
     */
    static final String CHANNEL = """
            select id, base_url, handle, credentials from channel
            where tenant = $1 and brand_id = $2 and network = $3
            order by starts_with($4, base_url) desc, starts_with($5, handle || '/') desc, created_at limit 1""";

    private final Pool pool;
    private final ChannelService channels;
    private final io.tribu.publishing.channel.TokenRefresh tokens;
    private final Outbox outbox;
    private final Map<String, ActionAdapter> adapters;
    private final YoutubeActions youtube;
    private final String owner;
    private final int batchSize;
    private final int concurrency;
    private final Duration lease;
    private final Retries retries;
    private final String topic;
    private final Clock clock;

    public ActionWorker(Pool pool, ChannelService channels, io.tribu.publishing.channel.TokenRefresh tokens, Outbox outbox, Instance<ActionAdapter> adapters,
                        PublishingConfig config,
                        Retries retries, Clock clock, YoutubeActions youtube) {
        this.pool = pool;
        this.channels = channels;
        this.tokens = tokens;
        this.outbox = outbox;
        this.adapters = adapters.stream().collect(Collectors.toMap(ActionAdapter::wire, Function.identity()));
        this.owner = "actions-" + UUID.randomUUID().toString().substring(0, 8);
        this.batchSize = config.actions().batchSize();
        this.concurrency = config.actions().concurrency();
        this.lease = config.actions().lease();
        this.retries = retries;
        this.topic = config.topics().actions();
        this.clock = clock;
        this.youtube = youtube;
    }

    @Scheduled(every = "${tribu.actions.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return drain(owner)
                .onFailure().invoke(failure -> LOG.warnf("Moderation action tick failed, next tick retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Claims and carries out batches until no due action is left; returns how many were handled. */
    public Uni<Integer> drain(String worker) {
        return claim(worker).chain(batch -> batch.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch)
                .onItem().transformToUni(claimed -> act(worker, claimed)).merge(concurrency)
                .collect().asList()
                .chain(done -> batch.size() < batchSize
                        ? Uni.createFrom().item(done.size())
                        : drain(worker).map(more -> more + done.size())));
    }

    record Claimed(UUID actionId, String tenant, String brandId, UUID itemId, String action, String network,
                   Interaction target, String replyText, boolean privately, int attempts, boolean reconciling) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("action_id"), row.getString("tenant"), row.getString("brand_id"),
                    row.getUUID("item_id"), row.getString("action"), row.getString("network"),
                    new Interaction(row.getString("target_url"), row.getString("target_external_id"), row.getString("target_author")),
                    row.getString("reply_text"), "private".equals(row.getString("visibility")), row.getInteger("attempts"),
                    row.getBoolean("reconciling"));
        }
    }

    Uni<List<Claimed>> claim(String worker) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(batchSize, worker, utc(now.plus(lease)), utc(now)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList()));
    }

    private Uni<Void> act(String worker, Claimed claimed) {
        if (claimed.reconciling()) {
            LOG.infof("Moderation action %s had an intent without a result (a worker stopped mid-call): reconciling",
                    claimed.actionId());
        }
        return account(claimed).chain(account -> {
            if (account == null) {
                return record(worker, claimed, null, new Outcome.Permanent("the brand has no " + claimed.network()
                        + " channel connected"));
            }
            ActionAdapter adapter = adapters.get(claimed.network());
            // YouTube is no post network: its comments' actions, quota and token renewal are the comment poller's.
            Uni<Outcome> call = claimed.network().equals("youtube")
                    ? youtube.carryOut(account, claimed.action(), claimed.target(), claimed.replyText(), claimed.privately(),
                    claimed.reconciling() || claimed.attempts() > 1)
                    : adapter == null
                    ? Uni.createFrom().item(new Outcome.Permanent(claimed.network() + " actions are not supported yet"))
                    : tokens.call(adapter, account, current -> call(adapter, current, claimed));
            return call.onFailure().recoverWithItem(failure -> new Outcome.Retry(null, "action failed: " + failure.getMessage()))
                    .chain(outcome -> record(worker, claimed, account.channelId(), outcome));
        }).onFailure().invoke(failure -> LOG.warnf("Moderation action %s: outcome not recorded (%s); the lease will expire "
                + "and the next worker reconciles", claimed.actionId(), failure)).onFailure().recoverWithNull();
    }

    private static Uni<Outcome> call(ActionAdapter adapter, Account account, Claimed claimed) {
        return switch (claimed.action()) {
            case "hide" -> adapter.hide(account, claimed.target(), true);
            case "unhide" -> adapter.hide(account, claimed.target(), false);
            case "delete" -> adapter.delete(account, claimed.target());
            case "delete_reply" -> adapter.deleteReply(account, claimed.target());
            case "reply" -> adapter.reply(account, claimed.target(), claimed.replyText(), claimed.privately(),
                    // An earlier attempt may have reached the network: a crash mid-call, or a timeout/5xx after the write.
                    claimed.actionId().toString(), claimed.reconciling() || claimed.attempts() > 1);
            default -> Uni.createFrom().item(new Outcome.Permanent("unknown action " + claimed.action()));
        };
    }

    private Uni<Account> account(Claimed claimed) {
        return pool.preparedQuery(CHANNEL)
                .execute(Tuple.of(claimed.tenant(), claimed.brandId(), claimed.network(), claimed.target().url(),
                        claimed.target().reference()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return channels.account(row.getUUID("id"), claimed.network(), row.getString("base_url"),
                            row.getString("handle"), row.getString("credentials"));
                });
    }

    /** Writes the outcome if the lease is still ours; a worker that lost it leaves the row to the new holder. */
    Uni<Void> record(String worker, Claimed claimed, UUID channelId, Outcome outcome) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> {
            if (outcome instanceof Outcome.Retry retry && retries.again(outcome, claimed.attempts())) {
                return connection.preparedQuery("""
                                update moderation_action set state = 'pending', lease_owner = null, lease_until = null,
                                       next_attempt_at = $3, last_error = $4, channel_id = $5
                                where action_id = $1 and lease_owner = $2 and state = 'sent-intent'""")
                        .execute(Tuple.of(claimed.actionId(), worker, utc(retries.next(now, claimed.attempts(), retry)),
                                retry.reason(), channelId))
                        .replaceWithVoid();
            }
            boolean done = outcome instanceof Outcome.Published;
            Outcome.Published result = done ? (Outcome.Published) outcome : new Outcome.Published(null, null);
            String reason = done ? null : retries.failureReason(outcome);
            return connection.preparedQuery("""
                            update moderation_action set state = $3, lease_owner = null, lease_until = null, channel_id = $4,
                                   result_external_id = $5, result_url = $6, last_error = $7, completed_at = $8,
                                   auth_failure = $9
                            where action_id = $1 and lease_owner = $2 and state = 'sent-intent'""")
                    .execute(Tuple.from(Arrays.asList(claimed.actionId(), worker, done ? "done" : "failed", channelId,
                            result.externalId(), result.url(), reason, utc(now), outcome instanceof Outcome.AuthExpired)))
                    .chain(rows -> rows.rowCount() == 1
                            ? emit(connection, claimed, new ActionCompleted(claimed.actionId(), claimed.itemId(), claimed.brandId(),
                            claimed.action(), claimed.network(), channelId, done ? "done" : "failed", reason, result.externalId(),
                            result.url(), claimed.attempts(), now))
                            : Uni.createFrom().voidItem());
        });
    }

    private Uni<Void> emit(SqlConnection connection, Claimed claimed, ActionCompleted data) {
        return outbox.appendAll(connection, List.of(new Outbox.Pending(topic, claimed.tenant(), claimed.brandId(), ActionCompleted.TYPE, data)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public String owner() {
        return owner;
    }
}
