package io.tribu.listening.outbox;

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
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays outbox rows to Kafka in creation order and deletes them once the broker acknowledged them.
 * Rows are locked with SKIP LOCKED so several replicas can relay side by side without sending twice in
 * the normal case; a crash between send and commit resends, which consumers absorb (at-least-once).
 * Besides the periodic tick, a commit that appended events may wake the relay at once ({@link #wake()}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final MutinyEmitter<String> kafka;
    private final Vertx vertx;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean running;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> kafka, Vertx vertx,
                       @ConfigProperty(name = "tribu.outbox.batch-size", defaultValue = "200") int batchSize) {
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

    /** Relays now rather than at the next tick (at least 1 s apart); call it after a commit that appended events. */
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
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .eventually(() -> draining.set(false))
                .chain(() -> wanted.get() ? drain() : Uni.createFrom().voidItem());
    }

    /** One batch per transaction, again while batches come full: a backlog drains within one tick. */
    private Uni<Void> relayBatches() {
        return Panache.withTransaction(() -> lockBatch().call(this::sendAndDelete))
                .chain(batch -> batch.size() == batchSize ? relayBatches() : Uni.createFrom().voidItem());
    }

    private Uni<List<OutboxEvent>> lockBatch() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox_event order by created_at limit :limit for update skip locked",
                        OutboxEvent.class)
                .setParameter("limit", batchSize)
                .getResultList());
    }

    private Uni<Void> sendAndDelete(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // All sent at once, in order: the idempotent producer keeps the order per partition (per brand) and
        // batches them; rows are deleted once every send is acknowledged.
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(row -> kafka.sendMessage(toMessage(row))).merge(batch.size())
                .collect().last()
                .chain(() -> OutboxEvent.delete("id in ?1", batch.stream().map(row -> row.id).toList()))
                .replaceWithVoid();
    }

    private static Message<String> toMessage(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CLOUDEVENTS_JSON);
        return Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build());
    }
}
