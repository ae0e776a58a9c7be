package io.tribu.moderation.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tribu.moderation.sql.Columns;
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

/**
 * Relays outbox rows to Kafka in creation order and deletes them once the broker acknowledged them.
 * Rows are locked with SKIP LOCKED so several replicas can relay side by side without sending twice in
 * the normal case; a crash between send and commit resends, which consumers absorb (at-least-once).
 * Besides the periodic tick, a commit that appended events wakes the relay at once ({@link #wake()}), so an
 * automatic hide does not wait for the next tick.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    /** Sends awaiting their acknowledgement at once; below the emitter's buffer. */
    private static final int IN_FLIGHT = 1024;

    private final MutinyEmitter<String> kafka;
    private final Vertx vertx;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean running;

    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<String> kafka, Vertx vertx,
                       @ConfigProperty(name = "tribu.outbox.batch-size", defaultValue = "2000") int batchSize) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.batchSize = batchSize;
    }

    // Skipped until the application is running: before that the Kafka emitter is not connected yet.
    @Scheduled(every = "${tribu.outbox.poll-interval}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayPending() {
        running = true;
        return drain();
    }

    /** Relays now rather than at the next tick; call it after committing a transaction that appended events. */
    public void wake() {
        wanted.set(true);
        if (running && !draining.get()) {
            // A context of its own: the caller's may still hold the session of the transaction it just ended.
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
        return Panache.withTransaction(() -> lockBatch().chain(this::sendAndDelete))
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithItem(0)
                // A full batch means more is waiting: go on now rather than at the next tick.
                .chain(sent -> sent == batchSize ? relayBatches() : Uni.createFrom().voidItem());
    }

    /** One row to relay; read as plain columns, cheaper than managed entities at thousands of rows a second. */
    private record Pending(UUID id, String topic, String key, String payload) {
    }

    private Uni<List<Pending>> lockBatch() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select id, topic, message_key, payload from outbox_event order by created_at "
                        + "limit :limit for update skip locked", Object[].class)
                .setParameter("limit", batchSize)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Pending((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList());
    }

    /**
     * Sends the batch without waiting for each acknowledgement in turn: the sends are issued in order and the
     * idempotent producer keeps that order per partition. Rows are deleted once every send is acknowledged.
     */
    private Uni<Integer> sendAndDelete(List<Pending> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(row -> kafka.sendMessage(toMessage(row))).merge(IN_FLIGHT)
                .collect().last()
                .chain(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from outbox_event where id = any(cast(cast(:ids as text[]) as uuid[]))")
                        .setParameter("ids", Columns.of(batch, Pending::id))
                        .executeUpdate()))
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
