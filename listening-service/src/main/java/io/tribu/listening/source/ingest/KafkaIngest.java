package io.tribu.listening.source.ingest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.mention.IngestedMentions;
import io.tribu.listening.mention.MentionEvents;
import io.tribu.listening.mention.MentionService;
import io.tribu.listening.mention.NewMention;
import io.tribu.listening.source.webhook.DeliveryReader;
import io.tribu.listening.source.webhook.WebhookDelivery;
import io.tribu.platform.problem.Outages;
import io.tribu.platform.trace.EventTraces;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Mentions pushed through Kafka, for systems that produce many (a firehose reseller, an agency's own crawler):
 * topic {@code tribu.listening.ingest}, key = the id of one of the brand's webhook sources, value = the same JSON
 * as a webhook delivery. Kafka's own access control stands for the signature.
 *
 * <p>Partitions are taken in {@link IngestLane lanes} ({@code tribu.ingest.lanes}, the ingest channel's
 * {@code concurrency}): each lane's consumer has its share of the partitions, and its batches are stored and committed
 * one at a time with its own transactional producer, while the other lanes' are.
 *
 * <p>Consume, store, produce: a batch's mentions are stored in chunks of {@link #CHUNK} with one statement each
 * ({@link IngestedMentions}, no outbox), then their {@code mention.recorded} events, the batch's dead-letter records
 * and its offsets are committed in one Kafka transaction (readers of the mentions and dead-letter topics read
 * {@code read_committed}): a batch read again dead-letters its bad records once. The chunks are a pipeline: the
 * next chunk is read and analysed on this service's core while PostgreSQL looks up and stores the one before (its
 * near-duplicate lookup still runs after the earlier chunk is stored, so copies across chunks find their story).
 * The batch runs under a {@code CONSUMER} span continuing the trace of its records' {@code traceparent} (or
 * {@code ce_traceparent}) header, and its events carry that span's {@code traceparent}, as the outbox's do. A crash anywhere reads the batch again:
 * mention ids are derived from the source and the sender's id, so nothing is stored twice, and the mentions stored
 * by the aborted attempt are announced again as stored, under the same event ids (consumers drop an id seen
 * before). A record whose item was stored before stores nothing and is announced again under its first event id.
 * A record that cannot be a mention (unknown source, bad JSON, missing field, text holding a NUL) goes to
 * {@code tribu.topics.ingest-dead-letters} with the reason in a header, and never blocks the others.
 *
 * <p>A batch that fails to store is tried {@link #BATCH_ATTEMPTS} times; then its records are stored one by one, and
 * a record that still fails on its own (a poison: something PostgreSQL refuses that the checks let through) is
 * dead-lettered with the error, so the records behind it are stored and the partition moves on. An outage (the
 * database cannot be reached) is no poison: the batch waits and is retried with backoff until it can be stored; a
 * Kafka transaction that aborts (the broker away, a rebalance) puts the consumer back to the last committed offsets.
 */
@ApplicationScoped
public class KafkaIngest {

    private static final Logger LOG = Logger.getLogger(KafkaIngest.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Tries of a batch before its records are stored one by one; and of a record alone before it is dead-lettered. */
    static final int BATCH_ATTEMPTS = 3;
    static final String REJECTION_HEADER = "tribu-rejection";
    /** Mentions per statement; a batch of more is stored in chunks, the next one analysed while one is stored. */
    static final int CHUNK = 500;
    private static final String SOURCES = """
            select id, tenant, brand_id, owned_channel from source
            where id = any($1::uuid[]) and type = 'webhook' and enabled""";

    private final IngestedMentions ingested;
    private final MentionEvents events;
    private final DeliveryReader deliveries;
    private final Pool client;
    private final EventTraces traces;
    private final String deadLetters;
    private final DistributionSummary batchRecords;
    private final Timer batchStore;
    private final Timer batchCommit;
    private final KafkaClientService kafka;
    private final Map<String, Object> cluster;
    private final Duration transactionTimeout;
    /** By the channel copy ({@code ingest$n}) whose consumer reads them: created on its first batch. */
    private final Map<String, IngestLane> lanes = new ConcurrentHashMap<>();

    public KafkaIngest(IngestedMentions ingested, MentionEvents events, DeliveryReader deliveries, Pool client,
                       EventTraces traces, ListeningConfig config, MeterRegistry meters, KafkaClientService kafka,
                       @Identifier("default-kafka-broker") Map<String, Object> cluster) {
        this.ingested = ingested;
        this.kafka = kafka;
        this.cluster = Map.copyOf(cluster);
        this.transactionTimeout = config.ingest().transactionTimeout();
        this.events = events;
        this.deliveries = deliveries;
        this.client = client;
        this.traces = traces;
        this.deadLetters = config.topics().ingestDeadLetters();
        this.batchRecords = DistributionSummary.builder("tribu.ingest.batch.records")
                .description("Records of a consumed ingest batch").register(meters);
        this.batchStore = Timer.builder("tribu.ingest.batch.store")
                .description("Reading, analysing and storing an ingest batch").register(meters);
        this.batchCommit = Timer.builder("tribu.ingest.batch.commit")
                .description("The Kafka transaction of an ingest batch: its events, dead letters and offsets")
                .register(meters);
    }

    /** A webhook source records may be keyed with. */
    private record IngestSource(UUID id, String tenant, String brandId, boolean ownedChannel) {
    }

    /** A record read and checked, ready to store. */
    private record Accepted(IngestSource source, WebhookDelivery delivery, KafkaRecord<String, String> record) {
    }

    @Incoming("ingest")
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        IncomingKafkaRecordBatchMetadata<?, ?> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("An ingest batch without its Kafka metadata"));
        IngestLane lane = lanes.computeIfAbsent(metadata.getChannel(),
                channel -> new IngestLane(channel, kafka.getConsumer(channel), cluster, transactionTimeout));
        return CompletableFuture.runAsync(() -> traces.consume(topicOf(batch), batch.getRecords().stream()
                .map(KafkaIngest::traceparentOf).toList(), () -> Uni.createFrom().item(() -> {
                    process(batch, metadata, lane);
                    return null;
                })).await().indefinitely(), lane.worker);
    }

    private static String topicOf(KafkaRecordBatch<String, String> batch) {
        return batch.getRecords().isEmpty() ? "" : batch.getRecords().get(0).getTopic();
    }

    /** The record's W3C {@code traceparent} header, else the CloudEvents one ({@code ce_traceparent}), else null. */
    private static String traceparentOf(KafkaRecord<String, String> record) {
        Header header = record.getHeaders().lastHeader("traceparent");
        if (header == null) {
            header = record.getHeaders().lastHeader(EventTraces.HEADER);
        }
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void process(KafkaRecordBatch<String, String> batch, IncomingKafkaRecordBatchMetadata<?, ?> metadata,
                         IngestLane lane) {
        List<ProducerRecord<String, String>> sent;
        batchRecords.record(batch.getRecords().size());
        Timer.Sample storing = Timer.start();
        try {
            sent = storeUntilStored(batch.getRecords(), lane);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        storing.stop(batchStore);
        Timer.Sample committing = Timer.start();
        try {
            lane.commit(metadata, sent);
            committing.stop(batchCommit);
            // offsets are committed in the transaction (commit-strategy ignore): the ack only ends the message's life
            batch.ack();
        } catch (RuntimeException aborted) {
            // the consumer is back at the last committed offsets: the batch comes again, stored already
            Duration wait = lane.backoff();
            LOG.warnf(aborted, "Ingest batch of %d not announced (transaction aborted), read again in %s",
                    batch.getRecords().size(), wait);
            sleep(wait);
        }
    }

    /** The events of the batch's stored mentions and its dead letters; waits out an outage of the database. */
    private List<ProducerRecord<String, String>> storeUntilStored(List<KafkaRecord<String, String>> records,
                                                                  IngestLane lane) throws InterruptedException {
        Duration wait = Duration.ofMillis(200);
        while (true) {
            try {
                return store(records, lane);
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "Ingest batch of %d not stored yet, retrying in %s", records.size(), wait);
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            }
        }
    }

    private List<ProducerRecord<String, String>> store(List<KafkaRecord<String, String>> records, IngestLane lane) {
        Map<String, IngestSource> sources = sourcesOf(records);
        List<Accepted> accepted = new ArrayList<>();
        List<ProducerRecord<String, String>> rejections = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            IngestSource source = record.getKey() == null ? null : sources.get(record.getKey());
            if (source == null) {
                rejections.add(reject(record, "key: is not the id of an enabled webhook source"));
                continue;
            }
            try {
                accepted.add(new Accepted(source, deliveries.read(record.getPayload()), record));
            } catch (HttpProblem problem) {
                rejections.add(reject(record, reasonOf(problem)));
            } catch (RuntimeException unreadable) {
                rejections.add(reject(record, "body: cannot be read (" + unreadable.getClass().getSimpleName() + ")"));
            }
        }
        List<IngestedMentions.Stored> stored = new ArrayList<>();
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            List<Accepted> chunk = accepted.subList(from, Math.min(accepted.size(), from + CHUNK));
            // analysed here, now; looked up and stored on the storer once the chunk before is stored
            Uni<List<IngestedMentions.Prepared>> lookup = ingested.prepare(chunk.stream().map(KafkaIngest::heard).toList());
            previous = previous.thenRunAsync(() -> stored.addAll(storeOrSplit(lookup.await().indefinitely(), chunk,
                    rejections)), lane.storer);
        }
        try {
            previous.join();
        } catch (java.util.concurrent.CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
        alert(stored);
        List<ProducerRecord<String, String>> sent = new ArrayList<>(stored.stream().map(events::recorded).toList());
        sent.addAll(rejections);
        return sent;
    }

    /** Keyword alerts run in Hibernate's reactive session (rarely opened): on a Vert.x context of their own. */
    private void alert(List<IngestedMentions.Stored> stored) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> ingested.alert(stored));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the batch, trying it a few times; a batch that keeps failing, not for an outage, is stored record by
     * record and the records that fail alone are dead-lettered. An outage fails the whole batch (retried later).
     */
    private List<IngestedMentions.Stored> storeOrSplit(List<IngestedMentions.Prepared> batch, List<Accepted> accepted,
                                                       List<ProducerRecord<String, String>> rejections) {
        Failure whole = tryStoring(batch, BATCH_ATTEMPTS);
        if (whole.stored() != null) {
            return whole.stored();
        }
        LOG.warnf(whole.failure(), "Ingest batch of %d failed %d times; storing its records one by one", batch.size(),
                BATCH_ATTEMPTS);
        Map<UUID, Accepted> byId = new HashMap<>();
        accepted.forEach(a -> byId.putIfAbsent(IngestedMentions.idOf(a.source().id(), a.delivery().id()), a));
        List<IngestedMentions.Stored> stored = new ArrayList<>();
        for (IngestedMentions.Prepared one : batch) {
            Failure alone = batch.size() == 1 ? whole : tryStoring(List.of(one), BATCH_ATTEMPTS);
            if (alone.stored() != null) {
                stored.addAll(alone.stored());
            } else {
                Accepted record = byId.get(one.id());
                LOG.warnf("Ingest record %s/%s dead-lettered: %s", record.source().id(), record.delivery().id(),
                        alone.failure());
                rejections.add(reject(record.record(), "not stored: " + describe(alone.failure())));
            }
        }
        return stored;
    }

    /** What was stored, or the last failure; an outage is thrown at once (the batch waits for the database). */
    private record Failure(List<IngestedMentions.Stored> stored, Throwable failure) {
    }

    private Failure tryStoring(List<IngestedMentions.Prepared> batch, int attempts) {
        Throwable last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return new Failure(ingested.store(batch).await().indefinitely(), null);
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    throw e;
                }
                last = e;
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        return new Failure(null, last);
    }

    private static MentionService.Heard heard(Accepted a) {
        return new MentionService.Heard(a.source().tenant(), a.source().brandId(),
                new NewMention(a.source().id(), a.delivery().id(), "webhook",
                        a.delivery().kind() == null ? "post" : a.delivery().kind(), a.source().ownedChannel(),
                        a.delivery().author(), null, a.delivery().text(), a.delivery().url(),
                        a.delivery().language(), a.delivery().publishedAt()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The innermost message: PostgreSQL's error for a refused row, without the wrappers' prefixes. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    @PreDestroy
    void stop() {
        lanes.values().forEach(IngestLane::stop);
    }

    private Map<String, IngestSource> sourcesOf(List<KafkaRecord<String, String>> records) {
        UUID[] ids = records.stream().map(KafkaRecord::getKey).map(KafkaIngest::uuid)
                .filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        Map<String, IngestSource> sources = new HashMap<>();
        for (Row row : client.preparedQuery(SOURCES).execute(Tuple.of(ids)).await().indefinitely()) {
            IngestSource source = new IngestSource(row.getUUID("id"), row.getString("tenant"), row.getString("brand_id"),
                    row.getBoolean("owned_channel"));
            sources.put(source.id().toString(), source);
        }
        return sources;
    }

    /** The record as it came, for the dead-letter topic, with the reason in a header: sent in the batch's transaction. */
    private ProducerRecord<String, String> reject(KafkaRecord<String, String> record, String reason) {
        LOG.debugf("Ingest record rejected (%s): %s", record.getKey(), reason);
        return new ProducerRecord<>(deadLetters, null, record.getKey(), record.getPayload() == null ? "" : record.getPayload(),
                new RecordHeaders().add(REJECTION_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
    }

    /** "text: must not be blank; publishedAt: must not be null", or the problem's detail. */
    private static String reasonOf(HttpProblem problem) {
        if (problem.getParameters().get("violations") instanceof List<?> violations && !violations.isEmpty()) {
            return violations.stream().map(v -> v instanceof Map<?, ?> m ? m.get("field") + ": " + m.get("message")
                    : String.valueOf(v)).collect(Collectors.joining("; "));
        }
        return problem.getDetail();
    }

    private static UUID uuid(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
