package io.tribu.publishing.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Relays outbox rows to Kafka in creation order and deletes them once the broker acknowledged them.
 * Rows are locked with SKIP LOCKED so several replicas can relay side by side without sending twice in
 * the normal case; a crash between send and commit resends, which consumers absorb (at-least-once).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final MutinyEmitter<String> kafka;
    private final Pool pool;
    private final int batchSize;

    /** A whole batch is handed to the emitter at once: its buffer holds more than {@code tribu.outbox.batch-size}. */
    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                       MutinyEmitter<String> kafka, Pool pool,
                       @ConfigProperty(name = "tribu.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.kafka = kafka;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    // Not before startup has completed: a tick that comes while Kafka channels are still being wired
    // fails with "Unable to connect an emitter"; nor while shutting down.
    @Scheduled(every = "${tribu.outbox.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayPending() {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                select id, topic, message_key, payload from outbox_event order by created_at
                                limit $1 for update skip locked""")
                        .execute(Tuple.of(batchSize))
                        .chain(rows -> sendAndDelete(connection, rows)))
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Sends the whole batch without waiting for each acknowledgement in turn (the sends are issued in creation
     * order, and the idempotent producer keeps that order per partition), then deletes the rows in one
     * statement once every send is acknowledged. Plain rows rather than managed entities: a burst relays
     * thousands a second, and the CPU this spends is taken from the deliveries.
     */
    private Uni<Void> sendAndDelete(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getUUID("id"));
            sends.add(kafka.sendMessage(toMessage(row.getString("topic"), row.getString("message_key"), row.getString("payload"))));
        }
        return Uni.join().all(sends).andFailFast()
                .chain(() -> connection.preparedQuery("delete from outbox_event where id = any($1)")
                        .execute(Tuple.of(ids.toArray(UUID[]::new))))
                .replaceWithVoid();
    }

    private static Message<String> toMessage(String topic, String key, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CLOUDEVENTS_JSON);
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build());
    }
}
