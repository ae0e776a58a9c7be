package io.tribu.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a topic from its current end, to see the events a test causes on the real broker. It reads committed
 * records only ({@code read_committed}), as the services' consumers do: events produced in a Kafka transaction that
 * aborted are never seen.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> unclaimed = new ArrayList<>();

    public TopicReader(String topic) {
        this(topic, true);
    }

    /** {@code committedOnly} false also reads the records of transactions still open or aborted (read_uncommitted). */
    public TopicReader(String topic, boolean committedOnly) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted"),
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
     * The first record {@code wanted} accepts, read before or during {@code timeout}. Records read but not
     * wanted yet are kept for the next calls: events written together arrive in the same poll.
     */
    public Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted,
                                                          Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (Iterator<ConsumerRecord<String, String>> read = unclaimed.iterator(); read.hasNext(); ) {
                ConsumerRecord<String, String> record = read.next();
                if (wanted.test(record)) {
                    read.remove();
                    return Optional.of(record);
                }
            }
            if (!Instant.now().isBefore(deadline)) {
                return Optional.empty();
            }
            consumer.poll(Duration.ofMillis(200)).forEach(unclaimed::add);
        }
    }

    /** Every record {@code wanted} accepts, read before or during {@code period}: to count, e.g. that one came once. */
    public List<ConsumerRecord<String, String>> all(Predicate<ConsumerRecord<String, String>> wanted, Duration period) {
        Instant deadline = Instant.now().plus(period);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(unclaimed::add);
        }
        List<ConsumerRecord<String, String>> found = unclaimed.stream().filter(wanted).toList();
        unclaimed.removeAll(found);
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
