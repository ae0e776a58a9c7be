package io.tribu.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.config.PlatformConfig;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Writes events into the {@code outbox_event} table inside the caller's transaction: the Hibernate Reactive session
 * of the current {@code @WithTransaction}, or the Vert.x connection a caller's plain SQL runs on. {@link OutboxRelay}
 * sends them to Kafka once committed: at its next tick, or at once for events appended on a Vert.x connection, whose
 * commit wakes it.
 */
@ApplicationScoped
public class Outbox {

    // One multi-row statement for any number of events; an id appended twice (a caller-chosen one) is kept once.
    private static final String INSERT_NAMED = """
            insert into outbox_event (id, topic, message_key, payload, created_at, traceparent)
            select cast(id as uuid), topic, message_key, payload, cast(created_at as timestamptz), traceparent
            from unnest(cast(:ids as text[]), cast(:topics as text[]), cast(:keys as text[]),
                        cast(:payloads as text[]), cast(:times as text[]), cast(:traceparents as text[]))
                 as t(id, topic, message_key, payload, created_at, traceparent)
            on conflict (id) do nothing""";
    private static final String INSERT_POSITIONAL = """
            insert into outbox_event (id, topic, message_key, payload, created_at, traceparent)
            select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
            on conflict (id) do nothing""";

    private final ObjectMapper json;
    private final Clock clock;
    private final CurrentTrace trace;
    private final String source;
    private final Runnable wake;

    @Inject
    public Outbox(ObjectMapper json, Clock clock, CurrentTrace trace, PlatformConfig config, OutboxRelay relay) {
        this(json, clock, trace, config.outbox().source(), relay::wake);
    }

    /** source: the CloudEvents {@code source} of the events appended; wake: the relay's, run once they are committed. */
    Outbox(ObjectMapper json, Clock clock, CurrentTrace trace, String source, Runnable wake) {
        this.json = json;
        this.clock = clock;
        this.trace = trace;
        this.source = source;
        this.wake = wake;
    }

    /** One event to append: its topic, the agency, the brand (the Kafka key), the CloudEvents type and the data. */
    public record Pending(String topic, String tenant, String brandId, String type, Object data) {
    }

    /** An appended event's id and its CloudEvent as sent (a webhook body may be the same bytes). */
    public record Appended(UUID id, String payload) {
    }

    /** Appends one event in the current Hibernate Reactive transaction. */
    public Uni<Appended> append(String topic, String tenant, String brandId, String type, Object data) {
        Row row = row(new Pending(topic, tenant, brandId, type, data), UUID.randomUUID(), clock.instant());
        return insert(List.of(row)).replaceWith(new Appended(row.id(), row.payload()));
    }

    /**
     * Appends the event under a caller-chosen id and time, so an event derived from data (an alert for an episode)
     * keeps its id however many times it is derived: a second append of that id is a no-op, answered {@code false}.
     */
    public Uni<Boolean> appendOnce(UUID id, Instant time, Pending event) {
        return insert(List.of(row(event, id, time))).map(inserted -> inserted == 1);
    }

    /** Appends several events with one statement in the current Hibernate Reactive transaction, in list order. */
    public Uni<Void> appendAll(List<Pending> events) {
        return events.isEmpty() ? Uni.createFrom().voidItem() : insert(rows(events)).replaceWithVoid();
    }

    /**
     * Appends several events with one statement on a Vert.x connection (in its transaction, if it has one). The relay
     * is woken once they are committed: when that transaction commits (not if it rolls back), or once the statement
     * ran when there is none (a pool, or a connection without a transaction, commits each statement by itself).
     */
    public Uni<Void> appendAll(SqlClient connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Row> rows = rows(events);
        return connection.preparedQuery(INSERT_POSITIONAL)
                .execute(Tuple.from(new Object[] {column(rows, Row::id, UUID[]::new), column(rows, Row::topic, String[]::new),
                        column(rows, Row::key, String[]::new), column(rows, Row::payload, String[]::new),
                        column(rows, row -> row.createdAt().atOffset(ZoneOffset.UTC), OffsetDateTime[]::new),
                        column(rows, Row::traceparent, String[]::new)}))
                .invoke(() -> wakeOnceCommitted(connection))
                .replaceWithVoid();
    }

    private void wakeOnceCommitted(SqlClient client) {
        Transaction transaction = client instanceof SqlConnection connection ? connection.transaction() : null;
        if (transaction == null) {
            wake.run();
        } else {
            // Completes after COMMIT succeeded; fails on a rollback, which left nothing to relay.
            transaction.completion().subscribe().with(committed -> wake.run(), rolledBack -> { });
        }
    }

    /** One outbox row, its CloudEvent already written as JSON. */
    record Row(UUID id, String topic, String key, String payload, Instant createdAt, String traceparent) {
    }

    private List<Row> rows(List<Pending> events) {
        // Creation times one microsecond apart keep the relay's order (created_at) the list's order.
        Instant base = clock.instant();
        return IntStream.range(0, events.size())
                .mapToObj(i -> row(events.get(i), UUID.randomUUID(), base.plusNanos(i * 1000L))).toList();
    }

    Row row(Pending event, UUID id, Instant time) {
        String traceparent = trace.traceparent().orElse(null);
        CloudEvent<Object> envelope = new CloudEvent<>(CloudEvent.SPEC_VERSION, id, source, event.type(), event.brandId(),
                time, "application/json", event.tenant(), traceparent, event.data());
        return new Row(id, event.topic(), event.brandId(), serialize(envelope), time, traceparent);
    }

    private Uni<Integer> insert(List<Row> rows) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_NAMED)
                .setParameter("ids", column(rows, row -> row.id().toString(), String[]::new))
                .setParameter("topics", column(rows, Row::topic, String[]::new))
                .setParameter("keys", column(rows, Row::key, String[]::new))
                .setParameter("payloads", column(rows, Row::payload, String[]::new))
                .setParameter("times", column(rows, row -> row.createdAt().toString(), String[]::new))
                .setParameter("traceparents", column(rows, Row::traceparent, String[]::new))
                .executeUpdate());
    }

    private static <T> T[] column(List<Row> rows, Function<Row, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private String serialize(CloudEvent<Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
