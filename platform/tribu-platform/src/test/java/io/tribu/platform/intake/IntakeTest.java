package io.tribu.platform.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake on the real broker and database: one partition carrying a good event, its redelivery, an unreadable
 * record, an invalid event, an event whose effect the database refuses every time, and a last good event.
 */
@QuarkusTest
class IntakeTest {

    private static final String TOPIC = "tribu.platform-test.events";
    private static final String DEAD_LETTERS = TOPIC + ".dlq";
    private static final String TYPE = "tribu.platform-test.note.written.v1";

    @Inject
    NotesConsumer consumer;
    @Inject
    MeterRegistry metrics;
    @Inject
    DataSource database;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TestHTTPResource("/q/metrics")
    URL scrape;

    @Test
    void eachEventIsAppliedOnceAndAcknowledgedAfterCommitWhileBadOnesGoToTheDeadLetterTopic() throws Exception {
        // One key: every record on one partition, in this order.
        String key = UUID.randomUUID().toString();
        UUID good = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        double processedBefore = count("tribu_intake_processed");
        double deadBefore = count("tribu_intake_dead_lettered");

        try (KafkaConsumer<String, String> deadLetters = deadLetterReader()) {
            RecordMetadata lastSent;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
                send(producer, key, note(good, "first", false));
                send(producer, key, note(good, "first", false));
                send(producer, key, "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": ");
                send(producer, key, "{\"id\": \"" + invalid + "\", \"type\": \"" + TYPE + "\"}");
                send(producer, key, note(failing, "refused", true));
                lastSent = send(producer, key, note(last, "after them", false));
            }

            // The partition moved past every bad record: the last event is applied and its offset committed.
            await().atMost(90, TimeUnit.SECONDS).until(() -> effects(last) == 1);
            TopicPartition partition = new TopicPartition(TOPIC, lastSent.partition());
            await().atMost(30, TimeUnit.SECONDS).until(() -> committed(partition) > lastSent.offset());

            assertEquals(1, effects(good), "a redelivered event is applied once");
            assertEquals(1, processed(good));
            assertEquals(0, effects(failing), "the failing effect stored nothing");
            assertEquals(0, processed(failing), "its processed_event row rolled back with its effect");
            assertEquals(new NotesConsumer.AtAck(1, 1), consumer.atAck(good),
                    "when the event was acknowledged, its effect and processed id were committed");
            assertEquals(new NotesConsumer.AtAck(1, 1), consumer.atAck(last));
            assertEquals(null, consumer.atAck(failing), "a failing event is never acknowledged");

            List<ConsumerRecord<String, String>> dead = deadLettersOf(deadLetters, key, 3);
            assertTrue(reason(dead.get(0)).startsWith("unreadable event"), reason(dead.get(0)));
            assertTrue(reason(dead.get(1)).startsWith("invalid event " + invalid + ": no data"), reason(dead.get(1)));
            assertTrue(dead.get(2).value().contains(failing.toString()));
            assertNotNull(dead.get(2).headers().lastHeader("dead-letter-reason"), "the database's refusal is the reason");
        }

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            assertEquals(3, count("tribu_intake_processed") - processedBefore, "the good event twice, the last once");
            assertEquals(3, count("tribu_intake_dead_lettered") - deadBefore);
        });
        String exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(scrape.toURI()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String name : List.of("tribu_intake_processed_total", "tribu_intake_dead_lettered_total")) {
            assertTrue(exported.contains(name + "{application=\"platform-test\",topic=\"" + TOPIC + "\"}"),
                    name + " as Prometheus scrapes it (the DLQ alert's series)");
        }
    }

    private static String note(UUID id, String note, boolean failing) {
        return """
                {"specversion": "1.0", "id": "%s", "type": "%s", "source": "/tribu/platform-test",
                 "data": {"note": "%s", "failing": %s}}""".formatted(id, TYPE, note, failing);
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    }

    private double count(String name) {
        Counter counter = metrics.find(name).tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private long effects(UUID event) throws Exception {
        return countRows("select count(*) from intake_effect where event_id = ?", event);
    }

    private long processed(UUID event) throws Exception {
        return countRows("select count(*) from processed_event where event_id = ?", event);
    }

    private long countRows(String sql, UUID event) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, event);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets("platform-test").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private KafkaConsumer<String, String> deadLetterReader() {
        KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "platform-test-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        reader.subscribe(List.of(DEAD_LETTERS));
        return reader;
    }

    /** The dead letters of this run (its key), in the order they were written. */
    private static List<ConsumerRecord<String, String>> deadLettersOf(KafkaConsumer<String, String> reader, String key,
                                                                      int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            reader.poll(Duration.ofMillis(500)).forEach(record -> {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            });
        }
        assertEquals(expected, found.size(), "dead letters of this run");
        return found;
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
