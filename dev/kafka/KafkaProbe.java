import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Talks to the local broker with the real Kafka client, run by ./tribu as a single-file program
 * (java -cp '.tribu/kafka/libs/*' dev/kafka/KafkaProbe.java ...), so no extra build is needed.
 *
 *   ready BOOTSTRAP SECONDS   waits until the cluster answers a metadata request (controller known)
 *   roundtrip BOOTSTRAP       produces one record to an auto-created topic and reads it back
 *   values BOOTSTRAP TOPIC KEY  prints the value of every record of TOPIC with KEY, one per line, from the
 *                             beginning to the end offsets as they are now (the ops checks count events)
 */
public class KafkaProbe {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaProbe ready BOOTSTRAP SECONDS | roundtrip BOOTSTRAP | values BOOTSTRAP TOPIC KEY");
            System.exit(2);
        }
        switch (args[0]) {
            case "ready" -> System.exit(ready(args[1], Integer.parseInt(args.length > 2 ? args[2] : "60")));
            case "roundtrip" -> System.exit(roundtrip(args[1]));
            case "values" -> System.exit(values(args[1], args[2], args[3]));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    static int ready(String bootstrap, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    DescribeClusterResult cluster = admin.describeCluster();
                    String id = cluster.clusterId().get(5, TimeUnit.SECONDS);
                    int brokers = cluster.nodes().get(5, TimeUnit.SECONDS).size();
                    var controller = cluster.controller().get(5, TimeUnit.SECONDS);
                    System.out.println("cluster " + id + ", " + brokers + " broker(s), controller "
                            + (controller == null ? "none" : controller.idString()));
                    return 0;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("Kafka at " + bootstrap + " did not answer: " + notYet);
                        return 1;
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    static int roundtrip(String bootstrap) {
        String topic = "tribu.dev.probe";
        String key = "probe";
        String value = "hello " + UUID.randomUUID();

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            var meta = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            System.out.println("produced to " + meta.topic() + "-" + meta.partition() + "@" + meta.offset());
        } catch (Exception e) {
            System.err.println("produce failed: " + e);
            return 1;
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "tribu-dev-probe-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(record.value())) {
                        System.out.println("consumed it back from " + record.topic() + "-" + record.partition()
                                + "@" + record.offset() + " (" + consumer.partitionsFor(topic).size() + " partitions)");
                        return 0;
                    }
                }
            }
        }
        System.err.println("the produced record was not consumed back within 30 s");
        return 1;
    }

    static int values(String bootstrap, String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    System.err.println("could not read " + topic + " to its end within 60 s");
                    return 1;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        System.out.println(record.value());
                    }
                }
            }
        }
        return 0;
    }
}
