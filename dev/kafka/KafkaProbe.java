import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Talks to the local broker with the real Kafka client, run by ./tribu as a single-file program
 * (java -cp '.tribu/kafka/libs/*' dev/kafka/KafkaProbe.java ...), so no extra build is needed.
 *
 *   ready BOOTSTRAP SECONDS   waits until the cluster answers a metadata request (controller known)
 *   roundtrip BOOTSTRAP       produces one record to an auto-created topic and reads it back
 *   values BOOTSTRAP TOPIC KEY  prints the value of every record of TOPIC with KEY, one per line, from the
 *                             beginning to the end offsets as they are now (the ops checks count events)
 *   send BOOTSTRAP TOPIC KEY  produces each line of stdin as one record of TOPIC with KEY (acks=all)
 *   lag BOOTSTRAP GROUP TOPIC prints how many records of TOPIC the consumer GROUP has not committed yet
 *   rewind BOOTSTRAP GROUP TOPIC EPOCH_MS  moves GROUP's offsets on TOPIC back to the first record written at or
 *                             after that time, as kafka-consumer-groups.sh --reset-offsets --to-datetime does (the
 *                             group must have no member running)
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
            case "send" -> System.exit(send(args[1], args[2], args[3]));
            case "lag" -> System.exit(lag(args[1], args[2], args[3]));
            case "rewind" -> System.exit(rewind(args[1], args[2], args[3], Long.parseLong(args[4])));
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

    static int send(String bootstrap, String topic, String key) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    producer.send(new ProducerRecord<>(topic, key, line)).get(30, TimeUnit.SECONDS);
                }
            }
        }
        return 0;
    }

    static int lag(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, Long> end = offsets(admin, topic, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(admin, topic, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (var partition : end.entrySet()) {
                OffsetAndMetadata at = committed.get(partition.getKey());
                // Never committed: the group starts at the earliest record (auto.offset.reset=earliest).
                lag += partition.getValue() - (at == null ? start.get(partition.getKey()) : at.offset());
            }
            System.out.println(lag);
        }
        return 0;
    }

    static int rewind(String bootstrap, String group, String topic, long epochMillis) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, Long> at = offsets(admin, topic, OffsetSpec.forTimestamp(epochMillis));
            Map<TopicPartition, Long> end = offsets(admin, topic, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            // No record at or after the time: the end, as the tool does.
            at.forEach((partition, offset) -> reset.put(partition,
                    new OffsetAndMetadata(offset < 0 ? end.get(partition) : offset)));
            admin.alterConsumerGroupOffsets(group, reset).all().get(30, TimeUnit.SECONDS);
            System.out.println(reset.entrySet().stream().sorted(Map.Entry.comparingByKey(
                            (a, b) -> Integer.compare(a.partition(), b.partition())))
                    .map(e -> e.getKey() + "@" + e.getValue().offset()).collect(Collectors.joining(" ")));
        }
        return 0;
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    /** Every partition of the topic at the offset the spec names (-1 when a time is past the last record). */
    private static Map<TopicPartition, Long> offsets(Admin admin, String topic, OffsetSpec spec) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(30, TimeUnit.SECONDS);
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
