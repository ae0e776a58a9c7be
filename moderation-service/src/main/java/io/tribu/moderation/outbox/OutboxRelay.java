package io.tribu.moderation.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Relays outbox rows to Kafka in creation order and deletes them once the broker acknowledged them.
 * Rows are taken with SKIP LOCKED so several replicas can relay side by side without sending twice in
 * the normal case; a crash between send and commit resends, which consumers absorb (at-least-once).
 * Besides the periodic tick, a commit that appended events wakes the relay at once ({@link #wake()}), so an
 * automatic hide does not wait for the next tick.
 * <p>
 * Two lanes relay side by side: the network actions (hide, delete, reply) and everything else. A comment makes
 * about ten decision events for each action request; in one lane a hide waited behind thousands of them.
 * Each topic keeps its order, which is all Kafka keeps anyway.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    /** Sends awaiting their acknowledgement at once, over both lanes; below the emitter's buffer. */
    private static final int IN_FLIGHT = 1024;

    // Taken and deleted in one statement, kept deleted only if every send is acknowledged (else rolled back).
    // "id = any(array(...))", not a join on the locked rows: the planner, expecting one row from them, chose a
    // nested loop over the whole table, 40 s a batch once 150,000 events were waiting. Topic and limit are
    // literals, not parameters: with parameters the cached generic plan sorted the whole table (0.2 s at 165,000
    // rows) and read the hides through the age index, stepping over every decision event queued among them.
    private static final String TAKE = """
            with taken as (delete from outbox_event where id = any(array(
                               select id from outbox_event where topic %s '%s' order by created_at
                               limit %s for update skip locked))
                           returning id, topic, message_key, payload, created_at)
            select id, topic, message_key, payload from taken order by created_at""";
    /** Kafka's legal topic characters: nothing that could end the SQL literal. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

    private final MutinyEmitter<String> kafka;
    private final Vertx vertx;
    private final int batchSize;
    private final Lane actions;
    private final Lane others;
    private volatile boolean running;

    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<String> kafka, Vertx vertx,
                       @ConfigProperty(name = "tribu.outbox.batch-size", defaultValue = "2000") int batchSize,
                       @ConfigProperty(name = "tribu.topics.actions") String actionsTopic) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.batchSize = batchSize;
        if (!TOPIC.matcher(actionsTopic).matches()) {
            throw new IllegalArgumentException("tribu.topics.actions is not a Kafka topic name: " + actionsTopic);
        }
        this.actions = new Lane(TAKE.formatted("=", actionsTopic, Integer.toString(batchSize)));
        this.others = new Lane(TAKE.formatted("<>", actionsTopic, Integer.toString(batchSize)));
    }

    // Skipped until the application is running: before that the Kafka emitter is not connected yet.
    @Scheduled(every = "${tribu.outbox.poll-interval}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        running = true;
        wake();
    }

    /** Relays now rather than at the next tick; call it after committing a transaction that appended events. */
    public void wake() {
        actions.wake();
        others.wake();
    }

    /** One row to relay; read as plain columns, cheaper than managed entities at thousands of rows a second. */
    private record Pending(UUID id, String topic, String key, String payload) {
    }

    /** The rows of one topic, or of every topic but that one, relayed one drain at a time. */
    private final class Lane {

        private final String take;
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean wanted = new AtomicBoolean();

        Lane(String take) {
            this.take = take;
        }

        void wake() {
            wanted.set(true);
            if (running && !draining.get()) {
                // A context of its own: the caller's may still hold the session of the transaction it just ended,
                // and the other lane runs its own transaction meanwhile.
                var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
                VertxContextSafetyToggle.setContextSafe(context, true);
                context.runOnContext(ignored -> drain().subscribe().with(done -> { }, failure -> { }));
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
            return Panache.withTransaction(() -> take().chain(OutboxRelay.this::send))
                    .onFailure().invoke(failure -> LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage()))
                    .onFailure().recoverWithItem(0)
                    // A full batch means more is waiting: go on now rather than at the next tick.
                    .chain(sent -> sent == batchSize ? relayBatches() : Uni.createFrom().voidItem());
        }

        private Uni<List<Pending>> take() {
            return Panache.getSession().chain(session -> session.createNativeQuery(take, Object[].class).getResultList())
                    .map(rows -> rows.stream().map(r -> new Pending((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList());
        }
    }

    /**
     * Sends the batch without waiting for each acknowledgement in turn: the sends are issued in order and the
     * idempotent producer keeps that order per partition. The transaction that deleted the rows commits once
     * every send is acknowledged.
     */
    private Uni<Integer> send(List<Pending> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(row -> kafka.sendMessage(toMessage(row))).merge(IN_FLIGHT / 2)
                .collect().last()
                .replaceWith(batch.size());
    }

    private static Message<String> toMessage(Pending row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CLOUDEVENTS_JSON);
        return Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.key())
                .withHeaders(headers)
                .build());
    }
}
