package io.tribu.listening.source.ingest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.mention.MentionService;
import io.tribu.platform.outbox.OutboxRelay;
import io.tribu.platform.problem.Outages;
import io.tribu.listening.mention.NewMention;
import io.tribu.listening.source.Source;
import io.tribu.listening.source.webhook.DeliveryReader;
import io.tribu.listening.source.webhook.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Mentions pushed through Kafka, for systems that produce many (a firehose reseller, an agency's own crawler):
 * topic {@code tribu.listening.ingest}, key = the id of one of the brand's webhook sources, value = the same JSON
 * as a webhook delivery. Kafka's own access control stands for the signature. Records are taken in batches; short
 * transactions store a batch's new mentions and their events, and the batch is acknowledged only after they
 * committed. A record whose sender id was seen before for that source stores nothing (redelivery). A record
 * that cannot be a mention (unknown source, bad JSON, missing field, text holding a NUL) goes to
 * {@code tribu.listening.ingest.dlq} with the reason in a header, and never blocks the others.
 *
 * <p>A chunk that fails to store is tried {@link #CHUNK_ATTEMPTS} times; then its records are stored one by
 * one, and a record that still fails on its own (a poison: something PostgreSQL refuses that the checks let
 * through) is dead-lettered with the error, so the records behind it are stored and the partition moves on.
 * An outage (the database or the broker cannot be reached) is no poison: the batch waits, unacknowledged,
 * and is retried with backoff until it can be stored.
 */
@ApplicationScoped
public class KafkaIngest {

    private static final Logger LOG = Logger.getLogger(KafkaIngest.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Tries of a chunk before its records are stored one by one; and of a record alone before it is dead-lettered. */
    static final int CHUNK_ATTEMPTS = 3;
    static final String REJECTION_HEADER = "tribu-rejection";

    private final MentionService mentions;
    private final DeliveryReader deliveries;
    private final Emitter<String> rejected;
    private final ExecutorService transactions;
    private final OutboxRelay relay;
    private final int chunkSize;

    public KafkaIngest(MentionService mentions, DeliveryReader deliveries, OutboxRelay relay,
                       @Channel("ingest-rejected") Emitter<String> rejected,
                       ListeningConfig config) {
        int chunkSize = config.ingest().chunkSize();
        if (chunkSize < 1) {
            throw new IllegalArgumentException("tribu.ingest.chunk-size must be at least 1, not " + chunkSize);
        }
        this.mentions = mentions;
        this.chunkSize = chunkSize;
        this.deliveries = deliveries;
        this.rejected = rejected;
        this.relay = relay;
        AtomicInteger threads = new AtomicInteger();
        this.transactions = Executors.newFixedThreadPool(config.ingest().parallelTransactions(), task -> {
            Thread thread = new Thread(task, "ingest-tx-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A record read and checked, ready to store. */
    private record Accepted(Source source, WebhookDelivery delivery, KafkaRecord<String, String> record) {
    }

    @Incoming("ingest")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) throws InterruptedException {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                process(batch.getRecords());
                // the batch's mention events wait in the outbox: relay them now, not at the next tick
                relay.wake();
                return batch.ack();
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable failure) {
                // the database or the broker may be away for a while: keep the batch, unacknowledged, until stored
                LOG.warnf(failure, "Ingest batch of %d not stored yet, retrying in %s", batch.getRecords().size(), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void process(List<KafkaRecord<String, String>> records) throws Throwable {
        Map<String, Source> sources = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> sourcesOf(records)));
        List<Accepted> accepted = new ArrayList<>();
        List<CompletableFuture<Void>> rejections = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            Source source = record.getKey() == null ? null : sources.get(record.getKey());
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
        awaitSent(rejections);
        // Chunks in transactions of their own, side by side: a chunk costs a handful of statements (already heard,
        // stories, mentions, events) whatever its size, and waits on their round trips, not on the CPU. A crash
        // between chunks re-reads the batch and the chunks already committed are recognised by their sender ids
        List<CompletableFuture<Void>> chunks = new ArrayList<>();
        for (int from = 0; from < accepted.size(); from += chunkSize) {
            List<Accepted> chunk = accepted.subList(from, Math.min(accepted.size(), from + chunkSize));
            chunks.add(CompletableFuture.runAsync(() -> storeAndWait(chunk), transactions));
        }
        try {
            CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /**
     * Stores the chunk, trying it a few times; a chunk that keeps failing, not for an outage, is stored record by
     * record and the records that fail alone are dead-lettered. An outage fails the whole batch (retried later).
     */
    private void storeAndWait(List<Accepted> chunk) {
        Throwable failure = tryStoring(chunk, CHUNK_ATTEMPTS);
        if (failure == null) {
            return;
        }
        LOG.warnf(failure, "Ingest chunk of %d failed %d times; storing its records one by one", chunk.size(), CHUNK_ATTEMPTS);
        List<CompletableFuture<Void>> rejections = new ArrayList<>();
        for (Accepted record : chunk) {
            Throwable alone = chunk.size() == 1 ? failure : tryStoring(List.of(record), CHUNK_ATTEMPTS);
            if (alone != null) {
                LOG.warnf("Ingest record %s/%s dead-lettered: %s", record.source().id, record.delivery().id(), alone);
                rejections.add(reject(record.record(), "not stored: " + describe(alone)));
            }
        }
        try {
            awaitSent(rejections);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Null when stored, else the last failure; an outage is thrown at once (the batch waits for the database). */
    private Throwable tryStoring(List<Accepted> chunk, int attempts) {
        Throwable last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                VertxContextSupport.subscribeAndAwait(() -> store(chunk));
                return null;
            } catch (Throwable e) {
                if (Outages.isOutage(e)) {
                    throw new CompletionException(e);
                }
                last = e;
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(interrupted);
                }
            }
        }
        return last;
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

    private static void awaitSent(List<CompletableFuture<Void>> rejections) throws Exception {
        CompletableFuture.allOf(rejections.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        transactions.shutdownNow();
    }

    private static Uni<Map<String, Source>> sourcesOf(List<KafkaRecord<String, String>> records) {
        List<UUID> ids = records.stream().map(KafkaRecord::getKey).map(KafkaIngest::uuid)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Source.<Source>list("id in ?1 and type = 'webhook' and enabled", ids)
                .map(list -> list.stream().collect(Collectors.toMap(s -> s.id.toString(), Function.identity())));
    }

    private Uni<Void> store(List<Accepted> accepted) {
        return Panache.withTransaction(() -> mentions.recordAllOnce(accepted.stream()
                .map(a -> new MentionService.Heard(a.source().tenant, a.source().brandId,
                        new NewMention(a.source().id, a.delivery().id(), "webhook",
                                a.delivery().kind() == null ? "post" : a.delivery().kind(), a.source().ownedChannel,
                                a.delivery().author(), null, a.delivery().text(), a.delivery().url(),
                                a.delivery().language(), a.delivery().publishedAt())))
                .toList())).replaceWithVoid();
    }

    private CompletableFuture<Void> reject(KafkaRecord<String, String> record, String reason) {
        LOG.debugf("Ingest record rejected (%s): %s", record.getKey(), reason);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Message<String> message = Message.of(record.getPayload() == null ? "" : record.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.getKey())
                        .withHeaders(new RecordHeaders().add(REJECTION_HEADER, reason.getBytes(StandardCharsets.UTF_8)))
                        .build())
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        rejected.send(message);
        return sent;
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
