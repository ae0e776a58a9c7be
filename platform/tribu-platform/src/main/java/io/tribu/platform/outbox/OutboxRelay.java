package io.tribu.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tribu.platform.config.PlatformConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Relays outbox rows to Kafka (channel {@code outbox}) in creation order and deletes them once the broker acknowledged
 * them. Rows are taken with SKIP LOCKED so several replicas can relay side by side without sending twice in the normal
 * case; a crash between send and commit resends, which consumers absorb (at-least-once). Besides the periodic tick, a
 * commit that appended events wakes the relay at once ({@link #wake()}): {@link Outbox} does it for what it appends on
 * a Vert.x connection; callers of the Hibernate Reactive append call it after their transaction.
 * <p>
 * Lanes relay side by side, each with its own topics ({@code tribu.outbox.lanes}), the rest in the default lane:
 * moderation's comment makes about ten decision events for each network action, and in one lane a hide waited behind
 * thousands of them. Each topic keeps its order, which is all Kafka keeps anyway.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The lane of every topic no configured lane names. */
    public static final String DEFAULT_LANE = "default";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    /** Sends awaiting their acknowledgement at once in one lane; the emitter's buffer holds four lanes' worth. */
    private static final int IN_FLIGHT = 512;

    // Taken and deleted in one statement, kept deleted only if every send is acknowledged (else rolled back).
    // "id = any(array(...))", not a join on the locked rows: the planner, expecting one row from them, chose a
    // nested loop over the whole table, 40 s a batch once 150,000 events were waiting. Topics and limit are
    // literals, not parameters: with parameters the cached generic plan sorted the whole table (0.2 s at 165,000
    // rows) and read one lane's rows through the age index, stepping over every other lane's rows queued among them.
    private static final String TAKE = """
            with taken as (delete from outbox_event where id = any(array(
                               select id from outbox_event where %s order by created_at
                               limit %d for update skip locked))
                           returning id, topic, message_key, payload, created_at, traceparent)
            select topic, message_key, payload, traceparent from taken order by created_at""";
    /** Kafka's legal topic characters: nothing that could end an SQL literal. Lane names the same. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    private final MutinyEmitter<String> kafka;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final String application;
    private final int batchSize;
    private final List<Lane> lanes = new ArrayList<>();
    /** Counts every lane's waiting rows and oldest creation time in one statement, for the gauges. */
    private final String census;
    private volatile boolean running;

    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4 * IN_FLIGHT)
                       MutinyEmitter<String> kafka, Pool pool, Clock clock, MeterRegistry metrics,
                       @ConfigProperty(name = "quarkus.application.name") String application, PlatformConfig config) {
        this.kafka = kafka;
        this.pool = pool;
        this.clock = clock;
        this.metrics = metrics;
        this.application = application;
        this.batchSize = config.outbox().batchSize();
        Map<String, String> conditions = conditions(config.outbox().lanes());
        conditions.forEach((lane, condition) -> lanes.add(new Lane(lane, condition)));
        this.census = "select case " + conditions.entrySet().stream()
                .map(lane -> "when " + lane.getValue() + " then '" + lane.getKey() + "'")
                .collect(Collectors.joining(" ")) + " end as lane, count(*) as waiting, min(created_at) as oldest"
                + " from outbox_event group by 1";
    }

    /** Each lane's SQL condition on {@code topic}, the default lane's last: every topic no other lane names. */
    static Map<String, String> conditions(Map<String, List<String>> lanes) {
        Map<String, String> conditions = new LinkedHashMap<>();
        List<String> named = new ArrayList<>();
        lanes.forEach((lane, topics) -> {
            if (!NAME.matcher(lane).matches() || DEFAULT_LANE.equals(lane)) {
                throw new IllegalArgumentException("tribu.outbox.lanes: not a lane name: " + lane);
            }
            if (topics.isEmpty() || topics.stream().anyMatch(topic -> !NAME.matcher(topic).matches())) {
                throw new IllegalArgumentException("tribu.outbox.lanes." + lane + " is not a list of Kafka topics: " + topics);
            }
            conditions.put(lane, "topic in (" + quoted(topics) + ")");
            named.addAll(topics);
        });
        conditions.put(DEFAULT_LANE, named.isEmpty() ? "true" : "topic not in (" + quoted(named) + ")");
        return conditions;
    }

    private static String quoted(List<String> topics) {
        return topics.stream().map(topic -> "'" + topic + "'").collect(Collectors.joining(", "));
    }

    /**
     * Wake-ups relay from the start on: the messaging extension connected the Kafka emitter before this observer (its
     * own runs first). Before, a wake-up only marks the lanes wanted; the first tick relays.
     */
    void started(@Observes StartupEvent start) {
        running = true;
    }

    // Skipped until the application is running: before that the Kafka emitter is not connected yet.
    @Scheduled(every = "${tribu.outbox.poll-interval}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        running = true;
        wake();
        countWaiting();
    }

    /** Relays now rather than at the next tick; call it after committing a transaction that appended events. */
    public void wake() {
        lanes.forEach(Lane::wake);
    }

    private void countWaiting() {
        pool.query(census).execute()
                .subscribe().with(rows -> {
                    Map<String, Row> byLane = new LinkedHashMap<>();
                    rows.forEach(row -> byLane.put(row.getString("lane"), row));
                    for (Lane lane : lanes) {
                        Row row = byLane.get(lane.name);
                        lane.waiting.set(row == null ? 0 : row.getLong("waiting"));
                        lane.oldest.set(row == null ? null : row.getOffsetDateTime("oldest").toInstant());
                    }
                }, failure -> LOG.debugf("Outbox census failed: %s", failure.getMessage()));
    }

    /** The rows of some topics, or of every topic no other lane names, relayed one drain at a time. */
    private final class Lane {

        private final String name;
        private final String take;
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean wanted = new AtomicBoolean();
        private final AtomicLong waiting = new AtomicLong();
        private final AtomicReference<Instant> oldest = new AtomicReference<>();
        private final Map<String, Counter> sent = new ConcurrentHashMap<>();

        Lane(String name, String condition) {
            this.name = name;
            this.take = TAKE.formatted(condition, batchSize);
            Gauge.builder("tribu_outbox_backlog", waiting, AtomicLong::get)
                    .description("Outbox rows waiting to be relayed to Kafka")
                    .tags("lane", name, "application", application).register(metrics);
            Gauge.builder("tribu_outbox_oldest_age_seconds", oldest, this::age)
                    .description("Age of the oldest outbox row waiting, 0 when none waits")
                    .tags("lane", name, "application", application).register(metrics);
        }

        private double age(AtomicReference<Instant> oldest) {
            Instant time = oldest.get();
            return time == null ? 0 : Math.max(0, Duration.between(time, clock.instant()).toMillis() / 1000.0);
        }

        void wake() {
            wanted.set(true);
            if (running && !draining.get()) {
                drain().subscribe().with(done -> { }, failure -> { });
            }
        }

        /** One drain at a time; a wake-up during a drain makes it go round once more. */
        private Uni<Void> drain() {
            if (!draining.compareAndSet(false, true)) {
                wanted.set(true);
                return Uni.createFrom().voidItem();
            }
            wanted.set(false);
            return Uni.createFrom().deferred(this::relayBatches)
                    .eventually(() -> draining.set(false))
                    .chain(() -> wanted.get() ? drain() : Uni.createFrom().voidItem());
        }

        private Uni<Void> relayBatches() {
            return pool.withTransaction(connection -> connection.query(take).execute()
                            .call(this::send))
                    .invoke(this::count)
                    .map(RowSet::size)
                    .onFailure().invoke(failure -> LOG.warnf("Outbox relay (%s lane) failed, will retry: %s", name,
                            failure.getMessage()))
                    .onFailure().recoverWithItem(0)
                    // A full batch means more is waiting: go on now rather than at the next tick.
                    .chain(taken -> taken == batchSize ? relayBatches() : Uni.createFrom().voidItem());
        }

        /**
         * Sends the batch without waiting for each acknowledgement in turn: the sends are issued in order and the
         * idempotent producer keeps that order per partition. The transaction that deleted the rows commits once
         * every send is acknowledged.
         */
        private Uni<Void> send(RowSet<Row> rows) {
            if (rows.size() == 0) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().iterable(rows)
                    .onItem().transformToUni(row -> kafka.sendMessage(toMessage(row))).merge(IN_FLIGHT)
                    .collect().last()
                    .replaceWithVoid();
        }

        /** Counted once committed: a batch rolled back is sent again and counted then. */
        private void count(RowSet<Row> rows) {
            Map<String, Long> byTopic = new LinkedHashMap<>();
            rows.forEach(row -> byTopic.merge(row.getString("topic"), 1L, Long::sum));
            byTopic.forEach((topic, n) -> sent.computeIfAbsent(topic, t -> Counter.builder("tribu_outbox_sent")
                    .description("Events the outbox relayed to Kafka")
                    .tags("lane", name, "topic", t, "application", application).register(metrics)).increment(n));
        }
    }

    private static Message<String> toMessage(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CLOUDEVENTS_JSON);
        String traceparent = row.getString("traceparent");
        if (traceparent != null) {
            headers.add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return Message.of(row.getString("payload")).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .withHeaders(headers)
                .build());
    }
}
