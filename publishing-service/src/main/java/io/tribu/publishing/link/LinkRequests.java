package io.tribu.publishing.link;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** The SQL of link requests, the media permalink cache and the answers' outbox rows. */
@ApplicationScoped
public class LinkRequests {

    /** A request the worker holds: what it needs to answer. */
    record Claimed(UUID requestId, String tenant, String brandId, UUID itemId, String network, String accountId, String mediaId,
                   String commentId, int attempts) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("request_id"), row.getString("tenant"), row.getString("brand_id"), row.getUUID("item_id"),
                    row.getString("network"), row.getString("account_id"), row.getString("media_id"), row.getString("comment_id"),
                    row.getInteger("attempts"));
        }
    }

    private static final String INSERT = """
            insert into link_request (request_id, event_id, tenant, brand_id, item_id, network, account_id, media_id, comment_id,
                   next_attempt_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (request_id) do nothing""";

    private static final String CLAIM = """
            with due as (
              select request_id from link_request
              where state = 'pending' and next_attempt_at <= $3 and (lease_until is null or lease_until < $3)
              order by next_attempt_at
              limit $1
              for update skip locked)
            update link_request l set lease_owner = $2, lease_until = $4, attempts = l.attempts + 1
            from due where l.request_id = due.request_id
            returning l.*""";

    private final Pool pool;
    private final Outbox outbox;
    private final String topic;

    public LinkRequests(Pool pool, Outbox outbox, PublishingConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.topic = config.topics().links();
    }

    /**
     * Stores the request once per request id. The same request id again (a redelivery, or moderation asking again)
     * stores nothing; if it was answered already, the same answer is sent again, unchanged.
     */
    Uni<Void> store(LinkRequestedReader event, Instant now) {
        LinkRequestedReader.Data data = event.data();
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(data.requestId(), event.id(), event.tenant(), data.brandId(), data.itemId(),
                        data.network(), data.accountId(), data.mediaId(), data.commentId(), utc(now))))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().voidItem()
                        : connection.preparedQuery("select * from link_request where request_id = $1 and tenant = $2 and state = 'resolved'")
                        .execute(Tuple.of(data.requestId(), event.tenant()))
                        .chain(found -> found.iterator().hasNext()
                                ? emit(connection, found.iterator().next().getString("tenant"), answer(found.iterator().next()))
                                : Uni.createFrom().voidItem())));
    }

    Uni<List<Claimed>> claim(String worker, int batchSize, Instant now, Instant leaseUntil) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(batchSize, worker, utc(now), utc(leaseUntil)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Claimed::of).toList()));
    }

    /** The brand's Instagram channel whose handle is the account id, in the request's tenant; null if none. */
    Uni<Row> channel(Claimed request) {
        return pool.preparedQuery("""
                        select id, base_url, handle, credentials from channel
                        where tenant = $1 and brand_id = $2 and network = $3 and handle = $4
                        order by created_at limit 1""")
                .execute(Tuple.of(request.tenant(), request.brandId(), request.network(), request.accountId()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    /** The media's permalink read before in this agency; null if never. */
    Uni<String> cachedPermalink(Claimed request) {
        return pool.preparedQuery("select permalink from media_permalink where tenant = $1 and network = $2 and media_id = $3")
                .execute(Tuple.of(request.tenant(), request.network(), request.mediaId()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("permalink") : null);
    }

    /**
     * Records the answer and its event in one transaction, only while {@code worker} still holds the request; the
     * permalink goes into the cache in the same transaction. Returns whether it was recorded.
     */
    Uni<Boolean> resolve(String worker, Claimed request, UUID channelId, String permalink, String url, String failure,
                         String lastError, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                update link_request set state = 'resolved', lease_owner = null, lease_until = null, channel_id = $3,
                                       url = $4, media_url = $5, failure = $6, last_error = $7, resolved_at = $8
                                where request_id = $1 and lease_owner = $2 and state = 'pending'
                                returning *""")
                .execute(Tuple.from(Arrays.asList(request.requestId(), worker, channelId, url, permalink, failure, lastError, utc(now))))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(false);
                    }
                    Uni<Void> cached = permalink == null ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                    insert into media_permalink (tenant, network, media_id, permalink, fetched_at)
                                    values ($1, $2, $3, $4, $5) on conflict do nothing""")
                            .execute(Tuple.of(request.tenant(), request.network(), request.mediaId(), permalink, utc(now)))
                            .replaceWithVoid();
                    return cached.chain(() -> emit(connection, request.tenant(), answer(rows.iterator().next()))).replaceWith(true);
                }));
    }

    /**
     * Back to pending until {@code next}, with the reason; the other pending requests of the same account wait as
     * long, since the network's limit is the account's (or the app's), not one request's.
     */
    Uni<Void> later(String worker, Claimed request, Instant next, String reason) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                update link_request set lease_owner = null, lease_until = null, next_attempt_at = $3, last_error = $4
                                where request_id = $1 and lease_owner = $2 and state = 'pending'""")
                .execute(Tuple.of(request.requestId(), worker, utc(next), reason))
                .chain(() -> connection.preparedQuery("""
                                update link_request set next_attempt_at = $4
                                where tenant = $1 and network = $2 and account_id = $3 and state = 'pending' and next_attempt_at < $4
                                  and lease_owner is null""")
                        .execute(Tuple.of(request.tenant(), request.network(), request.accountId(), utc(next))))
                .replaceWithVoid());
    }

    private Uni<Void> emit(SqlConnection connection, String tenant, LinkResolved answer) {
        return outbox.appendAll(connection, List.of(new Outbox.Pending(topic, tenant, answer.brandId(), LinkResolved.TYPE, answer)));
    }

    private static LinkResolved answer(Row row) {
        String failure = row.getString("failure");
        return new LinkResolved(row.getUUID("request_id"), row.getUUID("item_id"), row.getString("brand_id"), row.getString("network"),
                row.getString("media_id"), row.getString("comment_id"), row.getString("url"), row.getString("media_url"),
                failure == null ? null : new LinkResolved.Failure(failure), row.getOffsetDateTime("resolved_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
