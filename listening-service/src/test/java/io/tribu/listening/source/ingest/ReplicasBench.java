package io.tribu.listening.source.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicas sharing the ingest topic, one killed under load: pushes mentions at a fixed rate into the ingest topic
 * (its partitions shared by the replicas' consumer group), kills one replica with SIGKILL at {@code killAt} seconds,
 * and reads the mentions topic {@code read_committed}: prints the mentions received each second, then how many
 * were lost (never announced) or announced twice (by mention and by event id), and how long after the kill the rate
 * and the backlog came back. Run by {@code listening-service/bench/replicas.sh}, which starts the replicas.
 *
 * <pre>ReplicasBench bootstrap sourceId[,sourceId...] ratePerSecond seconds killAt victimPid ingestTopic mentionsTopic
 * partitions</pre>
 */
public final class ReplicasBench {

    private static final Pattern SEQ = Pattern.compile("run (\\w+) n°(\\d+)");
    private static final Pattern EVENT_ID = Pattern.compile("^\\{\"specversion\":\"1.0\",\"id\":\"([0-9a-f-]{36})\"");

    private ReplicasBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("create")) {
            // before the replicas start: their consumers would otherwise create the ingest topic with the default count
            createTopics(args[1], args[2], args[3], Integer.parseInt(args[4]));
            return;
        }
        String bootstrap = args[0];
        List<String> sources = List.of(args[1].split(","));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int killAt = Integer.parseInt(args[4]);
        long victim = Long.parseLong(args[5]);
        String ingestTopic = args[6];
        String mentionsTopic = args[7];
        int partitions = Integer.parseInt(args[8]);
        createTopics(bootstrap, ingestTopic, mentionsTopic, partitions);
        int total = rate * seconds;
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicIntegerArray announced = new AtomicIntegerArray(total);
        Set<String> eventIds = new HashSet<>();
        AtomicLong eventDuplicates = new AtomicLong();
        AtomicLongArray receivedPerSecond = new AtomicLongArray(seconds + 181);
        long start = System.nanoTime();

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> assigned = consumer.partitionsFor(mentionsTopic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Matcher m = SEQ.matcher(r.value());
                    if (!m.find() || !m.group(1).equals(run)) {
                        continue;
                    }
                    announced.incrementAndGet(Integer.parseInt(m.group(2)));
                    Matcher id = EVENT_ID.matcher(r.value());
                    if (!id.find() || !eventIds.add(id.group(1))) {
                        eventDuplicates.incrementAndGet();
                    }
                    int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                    receivedPerSecond.incrementAndGet(Math.min(second, receivedPerSecond.length() - 1));
                }
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();

        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        System.out.printf(Locale.ROOT, "# replicas: %,d mentions/s for %d s into %d partitions, replica pid %d killed "
                + "(SIGKILL) at %d s, run %s%n", rate, seconds, partitions, victim, killAt, run);
        int seq = 0;
        boolean killed = false;
        int lastPrinted = 0;
        while (seq < total) {
            long elapsedNanos = System.nanoTime() - start;
            long due = elapsedNanos * rate / 1_000_000_000L;
            while (seq < Math.min(due, total)) {
                String json = "{\"id\":\"" + run + "-" + seq + "\",\"text\":\"Replica test of Vélo Vert, "
                        + "run " + run + " n°" + seq + "\",\"publishedAt\":\"" + Instant.now() + "\"}";
                producer.send(new ProducerRecord<>(ingestTopic, sources.get(seq % sources.size()), json));
                seq++;
            }
            if (!killed && elapsedNanos >= killAt * 1_000_000_000L) {
                ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
                killed = true;
                System.out.printf(Locale.ROOT, "# %d s: replica %d killed%n", killAt, victim);
            }
            lastPrinted = print(receivedPerSecond, start, lastPrinted);
            Thread.sleep(2);
        }
        producer.flush();
        long sendEnd = System.nanoTime();
        while (received(announced) < total && System.nanoTime() - sendEnd < 180_000_000_000L) {
            Thread.sleep(500);
            lastPrinted = print(receivedPerSecond, start, lastPrinted);
        }
        Thread.sleep(5000); // what would come twice comes within the next transactions
        reader.interrupt();
        print(receivedPerSecond, start, (int) ((System.nanoTime() - start) / 1_000_000_000L) - 1);

        int lost = 0;
        int twice = 0;
        for (int i = 0; i < total; i++) {
            lost += announced.get(i) == 0 ? 1 : 0;
            twice += announced.get(i) > 1 ? 1 : 0;
        }
        // recovery: from the kill, the first second after which 3 seconds in a row each got 90 % of the rate
        int recovered = -1;
        for (int s = killAt; s + 2 < receivedPerSecond.length(); s++) {
            if (receivedPerSecond.get(s) >= 0.9 * rate && receivedPerSecond.get(s + 1) >= 0.9 * rate
                    && receivedPerSecond.get(s + 2) >= 0.9 * rate) {
                recovered = s;
                break;
            }
        }
        // backlog: the first second after the kill when everything sent so far had been received
        long cumulative = 0;
        int caughtUp = -1;
        for (int s = 0; s < receivedPerSecond.length(); s++) {
            cumulative += receivedPerSecond.get(s);
            if (s > killAt && cumulative >= (long) Math.min(total, (long) rate * (s + 1)) * 0.99) {
                caughtUp = s;
                break;
            }
        }
        System.out.printf(Locale.ROOT, "%n# result: sent %,d, announced %,d distinct; lost %d, announced twice %d "
                        + "(by mention), event ids seen twice %d; rate back to 90 %% %s after the kill; backlog "
                        + "caught up (99 %% of what was sent) %s after the kill%n",
                total, total - lost, lost, twice, eventDuplicates.get(),
                recovered < 0 ? "never" : (recovered - killAt) + " s",
                caughtUp < 0 ? "never" : (caughtUp - killAt) + " s");
        producer.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(ingestTopic, mentionsTopic)).all().get();
        }
    }

    private static void createTopics(String bootstrap, String ingestTopic, String mentionsTopic, int partitions)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (var created : admin.createTopics(List.of(new NewTopic(ingestTopic, partitions, (short) 1),
                    new NewTopic(mentionsTopic, partitions, (short) 1))).values().values()) {
                try {
                    created.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static long received(AtomicIntegerArray announced) {
        long n = 0;
        for (int i = 0; i < announced.length(); i++) {
            n += announced.get(i) > 0 ? 1 : 0;
        }
        return n;
    }

    /** One line per second completed since the last printed: the mentions received in it. */
    private static int print(AtomicLongArray perSecond, long start, int lastPrinted) {
        int now = (int) ((System.nanoTime() - start) / 1_000_000_000L);
        List<String> lines = new ArrayList<>();
        for (int s = lastPrinted; s < now && s < perSecond.length(); s++) {
            lines.add(String.format(Locale.ROOT, "%4d s  %6d received", s, perSecond.get(s)));
        }
        lines.forEach(System.out::println);
        return Math.max(lastPrinted, Math.min(now, perSecond.length()));
    }
}
