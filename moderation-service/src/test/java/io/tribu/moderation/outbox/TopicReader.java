package io.tribu.moderation.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.function.Predicate;

/** Reads a topic from its current end, to see the events a test causes on the real broker. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String topic) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * On a fresh broker the first metadata request only starts creating the topic and lists no
     * partition: ask again until it exists.
     */
    private List<TopicPartition> partitionsOf(String topic) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("topic " + topic + " has no partitions after 30 s");
    }

    /**
     * The first record read so far or arriving before the timeout that the predicate wants; records it skips stay
     * available to the next call.
     */
    public Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted,
                                                          Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            for (Iterator<ConsumerRecord<String, String>> it = seen.iterator(); it.hasNext(); ) {
                ConsumerRecord<String, String> record = it.next();
                if (wanted.test(record)) {
                    it.remove();
                    return Optional.of(record);
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (Instant.now().isBefore(deadline) || hasWanted(wanted));
        return Optional.empty();
    }

    private boolean hasWanted(Predicate<ConsumerRecord<String, String>> wanted) {
        return seen.stream().anyMatch(wanted);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
