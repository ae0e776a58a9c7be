package io.tribu.listening.source.ingest;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-service throughput: pushes mentions into the service's ingest topic at a fixed rate and reads its
 * mentions topic, so each mention's time from ingest to event is known (same JVM clock). The topics are the
 * run's own (a backlog left in the shared topics would flood every test consumer that reads from the start)
 * and are deleted at the end. Run by {@code listening-service/bench/firehose.sh}, which starts the service;
 * prints a line every 10 s.
 *
 * <pre>FirehoseBench bootstrap sourceId[,sourceId...] ratePerSecond seconds servicePid ingestTopic mentionsTopic
 * [otherTopicToDelete...]</pre>
 */
public final class FirehoseBench {

    private static final Pattern SEQ = Pattern.compile("n°(\\d+)");
    private static final String[] OPENINGS = {
            "Je viens de tester", "Franchement déçu par", "Super expérience avec", "Quelqu'un connaît", "Avis mitigé sur",
            "Just tried", "Really disappointed with", "Loving the new", "Anyone else having issues with", "Mixed feelings about"};
    private static final String[] SUBJECTS = {
            "le nouveau vélo électrique", "la livraison express", "le service client", "l'application mobile",
            "the new espresso blend", "the delivery service", "customer support", "the mobile app", "the winter collection"};
    private static final String[] ENDINGS = {
            "c'est vraiment top !", "jamais plus.", "je recommande à 100 %", "des retours ?", "bof bof...",
            "absolutely brilliant!", "never again.", "highly recommended", "any feedback?", "meh."};

    private FirehoseBench() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        List<String> sources = List.of(args[1].split(","));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long servicePid = Long.parseLong(args[4]);
        String ingestTopic = args[5];
        String mentionsTopic = args[6];
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // created here, before the service or the reader look for them
            // (the service's consumer may have created the ingest topic already)
            for (var created : admin.createTopics(List.of(new NewTopic(ingestTopic, 3, (short) 1),
                    new NewTopic(mentionsTopic, 3, (short) 1))).values().values()) {
                try {
                    created.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        // deleted however the run ends, Ctrl-C included
        List<String> topics = new java.util.ArrayList<>(List.of(ingestTopic, mentionsTopic));
        topics.addAll(List.of(args).subList(7, args.length));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(topics).topicNameValues().forEach((topic, deleted) -> {
                    try {
                        deleted.get();
                        System.out.println("# deleted topic " + topic);
                    } catch (Exception e) {
                        System.out.println("# topic " + topic + " not deleted: " + e.getMessage()); // e.g. never created
                    }
                });
            }
        }));
        run(bootstrap, sources, rate, seconds, servicePid, ingestTopic, mentionsTopic);
    }

    private static void run(String bootstrap, List<String> sources, int rate, int seconds, long servicePid,
                            String ingestTopic, String mentionsTopic) throws Exception {
        int total = rate * seconds;
        AtomicLongArray sentAt = new AtomicLongArray(total);
        AtomicLongArray latencyMs = new AtomicLongArray(60_001); // histogram, 1 ms buckets, last = 60 s or more
        AtomicLong received = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        boolean[] seen = new boolean[total];

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(mentionsTopic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        String run = Long.toString(System.currentTimeMillis(), 36);

        Thread reader = new Thread(() -> {
            Pattern mine = Pattern.compile("run " + run + " n°(\\d+)");
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Matcher m = mine.matcher(r.value());
                    if (!m.find()) {
                        continue;
                    }
                    int seq = Integer.parseInt(m.group(1));
                    long now = System.nanoTime();
                    synchronized (seen) {
                        if (seen[seq]) {
                            duplicates.incrementAndGet();
                            continue;
                        }
                        seen[seq] = true;
                    }
                    long ms = (now - sentAt.get(seq)) / 1_000_000;
                    latencyMs.incrementAndGet((int) Math.min(60_000, Math.max(0, ms)));
                    received.incrementAndGet();
                }
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();

        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        Random random = new Random(42);
        System.out.printf(Locale.ROOT, "# firehose: %,d mentions/s for %d s (%,d mentions) into %d source(s), run %s%n",
                rate, seconds, total, sources.size(), run);
        System.out.println("elapsed_s  sent      received  out/s (10 s)  p50_ms  p99_ms  service_rss_mb  cpu_ms/mention (10 s)");
        long start = System.nanoTime();
        long lastReport = start;
        long lastReceived = 0;
        long cpuAtStart = cpuMillis(servicePid);
        long[] lastCpu = {cpuAtStart};
        long[] window = new long[60_001];
        int seq = 0;
        long minRss = Long.MAX_VALUE;
        long maxRss = 0;
        while (seq < total) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (seq < Math.min(due, total)) {
                String text = OPENINGS[random.nextInt(OPENINGS.length)] + " " + SUBJECTS[random.nextInt(SUBJECTS.length)]
                        + ", " + ENDINGS[random.nextInt(ENDINGS.length)] + " (run " + run + " n°" + seq + ")";
                String json = "{\"id\":\"" + run + "-" + seq + "\",\"text\":\"" + text + "\",\"publishedAt\":\""
                        + Instant.now() + "\"}";
                sentAt.set(seq, System.nanoTime());
                producer.send(new ProducerRecord<>(ingestTopic, sources.get(seq % sources.size()), json));
                seq++;
            }
            Thread.sleep(2);
            if (System.nanoTime() - lastReport >= 10_000_000_000L) {
                long rss = rssMb(servicePid);
                minRss = Math.min(minRss, rss);
                maxRss = Math.max(maxRss, rss);
                lastReceived = report(start, seq, received.get(), lastReceived, latencyMs, window, rss,
                        servicePid, lastCpu);
                lastReport = System.nanoTime();
            }
        }
        producer.flush();
        long sendEnd = System.nanoTime();
        while (received.get() < total && System.nanoTime() - sendEnd < 120_000_000_000L) {
            Thread.sleep(1000);
            if (System.nanoTime() - lastReport >= 10_000_000_000L) {
                long rss = rssMb(servicePid);
                maxRss = Math.max(maxRss, rss);
                lastReceived = report(start, seq, received.get(), lastReceived, latencyMs, window, rss,
                        servicePid, lastCpu);
                lastReport = System.nanoTime();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[60_001];
        for (int i = 0; i < all.length; i++) {
            all[i] = latencyMs.get(i);
        }
        long cpu = cpuMillis(servicePid) - cpuAtStart;
        System.out.printf(Locale.ROOT, "%n# result: sent %,d, received %,d (%s), duplicates %d, %.0f mentions/s "
                        + "sustained over %.0f s, latency ingest->event p50 %d ms, p99 %d ms, max %d ms, "
                        + "service RSS %d..%d MB, service CPU %.1f s = %.3f ms per mention received (%.2f cores)%n",
                total, received.get(), received.get() == total ? "all" : "MISSING " + (total - received.get()),
                duplicates.get(), received.get() / elapsed, elapsed, percentile(all, 0.50), percentile(all, 0.99),
                percentile(all, 1.0), minRss == Long.MAX_VALUE ? 0 : minRss, maxRss,
                cpu / 1e3, cpu / (double) Math.max(1, received.get()), cpu / 1e3 / elapsed);
        producer.close();
        reader.interrupt();
    }

    private static long report(long start, int sent, long received, long lastReceived, AtomicLongArray histogram,
                               long[] previous, long rss, long servicePid, long[] lastCpu) {
        long[] window = new long[previous.length];
        for (int i = 0; i < window.length; i++) {
            long now = histogram.get(i);
            window[i] = now - previous[i];
            previous[i] = now;
        }
        long cpu = cpuMillis(servicePid);
        long done = received - lastReceived;
        System.out.printf(Locale.ROOT, "%9.0f  %-8d  %-8d  %-12d  %-6d  %-6d  %-14d  %s%n",
                (System.nanoTime() - start) / 1e9, sent, received, done / 10,
                percentile(window, 0.50), percentile(window, 0.99), rss,
                done == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (cpu - lastCpu[0]) / (double) done));
        lastCpu[0] = cpu;
        return received;
    }

    private static long percentile(long[] histogram, double q) {
        long count = 0;
        for (long c : histogram) {
            count += c;
        }
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long running = 0;
        for (int i = 0; i < histogram.length; i++) {
            running += histogram[i];
            if (running >= rank) {
                return i;
            }
        }
        return histogram.length - 1;
    }

    /**
     * User + system CPU time the service's process used so far (all its threads: event loops, workers, GC, JIT),
     * from /proc/PID/stat in clock ticks of 10 ms (USER_HZ 100 on Linux).
     */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name, in parentheses, may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
