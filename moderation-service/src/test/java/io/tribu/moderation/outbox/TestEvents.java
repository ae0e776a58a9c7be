package io.tribu.moderation.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sends raw events to the real broker, as another service (or a redelivery) would. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TestEvents() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send test event to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
