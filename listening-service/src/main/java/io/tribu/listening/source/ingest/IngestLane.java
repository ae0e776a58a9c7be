package io.tribu.listening.source.ingest;

import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * One lane of the Kafka ingest: the batches of one consumer of the ingest channel (a copy {@code ingest$n} of it, by
 * the connector's {@code concurrency}), taken one at a time on the lane's own thread, stored through its own storer
 * thread, and committed with their events, dead letters and offsets in a Kafka transaction of the lane's own
 * producer: a transactional producer has one transaction open at a time, so lanes that commit at once need one each.
 * The producer is created on the lane's first batch (a replica starts while Kafka is away) and only the lane's thread
 * uses it; one that failed for good (fenced, unauthorized) is closed and the next batch opens a new one.
 */
final class IngestLane {

    /** The producer's settings besides the cluster's ({@code kafka.*}) and the transaction's. */
    private static final Map<String, Object> PRODUCER = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            // a batch's events leave together at commit; a few ms gather each partition's into one request
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

    final String channel;
    private final KafkaConsumer<?, ?> consumer;
    /** The lane's batches, one at a time, off the Kafka and Vert.x threads. */
    final ExecutorService worker;
    /** A batch's chunks are looked up and stored in order, one at a time, while the worker analyses the next. */
    final ExecutorService storer;
    private final Map<String, Object> cluster;
    private final Duration transactionTimeout;
    private volatile Producer<String, String> producer;
    /** Waited after an aborted transaction before the batch is read again; back to none once one commits. */
    private Duration backoff = Duration.ZERO;

    IngestLane(String channel, KafkaConsumer<?, ?> consumer, Map<String, Object> cluster, Duration transactionTimeout) {
        this.channel = channel;
        this.consumer = Objects.requireNonNull(consumer, () -> "no consumer of channel " + channel);
        this.cluster = cluster;
        this.transactionTimeout = transactionTimeout;
        this.worker = Executors.newSingleThreadExecutor(task -> thread(task, "ingest-" + channel));
        this.storer = Executors.newSingleThreadExecutor(task -> thread(task, "ingest-store-" + channel));
    }

    private static Thread thread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Sends the records and commits the batch's offsets in one Kafka transaction. A send the broker refuses, a commit
     * that fails or a rebalance since the batch was read aborts it, and the consumer goes back to the last committed
     * offsets: the batch (stored already) comes again. Throws the reason of an abort.
     */
    void commit(IncomingKafkaRecordBatchMetadata<?, ?> batch, List<ProducerRecord<String, String>> records) {
        Producer<String, String> transactional = null;
        try {
            transactional = producer();
            transactional.beginTransaction();
            // a send refused (too large, the broker away) fails the commit below, which aborts the whole transaction
            records.forEach(transactional::send);
            ConsumerGroupMetadata group = consumer.consumerGroupMetadata().await().indefinitely();
            if (group.generationId() != batch.getConsumerGroupGenerationId()) {
                throw new KafkaException("the group rebalanced since the batch was read (generation "
                        + batch.getConsumerGroupGenerationId() + ", now " + group.generationId() + ")");
            }
            transactional.sendOffsetsToTransaction(nextOffsets(batch), group);
            transactional.commitTransaction();
            backoff = Duration.ZERO;
        } catch (RuntimeException failed) {
            if (transactional != null) {
                abort(transactional, failed);
            }
            // also when no transaction began (no producer): the next batch must not commit offsets past this one
            consumer.resetToLastCommittedPositions().await().indefinitely();
            throw failed;
        }
    }

    /** The wait before the batch of an aborted transaction is read again: doubled at each abort in a row, capped. */
    Duration backoff() {
        backoff = backoff.isZero() ? Duration.ofMillis(200)
                : backoff.multipliedBy(2).compareTo(KafkaIngest.MAX_BACKOFF) > 0 ? KafkaIngest.MAX_BACKOFF
                : backoff.multipliedBy(2);
        return backoff;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(IncomingKafkaRecordBatchMetadata<?, ?> batch) {
        return batch.getOffsets().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                last -> new OffsetAndMetadata(last.getValue().offset() + 1)));
    }

    private void abort(Producer<String, String> transactional, RuntimeException failure) {
        if (!isFatal(failure)) {
            try {
                transactional.abortTransaction();
                return;
            } catch (RuntimeException cannot) {
                failure.addSuppressed(cannot);
            }
        }
        // a producer that cannot abort is of no further use: the next batch opens another
        close();
    }

    /** Errors after which the producer cannot go on (Kafka's producer documentation). */
    private static boolean isFatal(Throwable failure) {
        return failure instanceof ProducerFencedException || failure instanceof OutOfOrderSequenceException
                || failure instanceof InvalidProducerEpochException || failure instanceof AuthorizationException
                || failure instanceof AuthenticationException || failure instanceof UnsupportedVersionException
                || failure instanceof IllegalStateException;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(cluster);
            settings.keySet().removeIf(key -> !ProducerConfig.configNames().contains(key));
            settings.putAll(PRODUCER);
            // one id per producer: a lane's replacement or a restarted replica never waits on (or fences) another
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "listening-ingest-" + UUID.randomUUID());
            settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "listening-ingest-" + channel);
            Producer<String, String> created = new KafkaProducer<>(settings);
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    void stop() {
        worker.shutdownNow();
        storer.shutdownNow();
        close();
    }
}
