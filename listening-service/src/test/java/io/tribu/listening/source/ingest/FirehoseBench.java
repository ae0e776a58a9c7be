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
 * prints a line every 10 s. CPU time per mention is counted for every process of the path, from /proc: the
 * service, PostgreSQL (the postmaster, its live backends and those that ended), Kafka and this driver.
 *
 * <pre>FirehoseBench bootstrap sourceId[,sourceId...] ratePerSecond seconds servicePid ingestTopic mentionsTopic
 * name=pid[,name=pid...] [otherTopicToDelete...]</pre>
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
        topics.addAll(List.of(args).subList(8, args.length));
        Map<String, Long> processes = new java.util.LinkedHashMap<>();
        processes.put("service", servicePid);
        for (String named : args[7].split(",")) {
            String[] pair = named.split("=");
            if (pair.length == 2 && !pair[1].isBlank()) {
                processes.put(pair[0], Long.parseLong(pair[1]));
            }
        }
        processes.put("driver", ProcessHandle.current().pid());
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
        run(bootstrap, sources, rate, seconds, servicePid, ingestTopic, mentionsTopic, processes);
    }

    private static void run(String bootstrap, List<String> sources, int rate, int seconds, long servicePid,
                            String ingestTopic, String mentionsTopic, Map<String, Long> processes) throws Exception {
        int total = rate * seconds;
        AtomicLongArray sentAt = new AtomicLongArray(total);
        AtomicLongArray latencyMs = new AtomicLongArray(60_001); // histogram, 1 ms buckets, last = 60 s or more
        AtomicLong received = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        boolean[] seen = new boolean[total];

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
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
        System.out.println("elapsed_s  sent      received  out/s (10 s)  p50_ms  p99_ms  service_rss_mb  "
                + "cpu_ms/mention (10 s): " + String.join(" ", processes.keySet()) + " total");
        long start = System.nanoTime();
        long lastReport = start;
        long lastReceived = 0;
        long[] cpuAtStart = cpuMillis(processes);
        long[] lastCpu = cpuAtStart.clone();
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
                        processes, lastCpu);
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
                        processes, lastCpu);
                lastReport = System.nanoTime();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[60_001];
        for (int i = 0; i < all.length; i++) {
            all[i] = latencyMs.get(i);
        }
        long[] cpuAtEnd = cpuMillis(processes);
        System.out.printf(Locale.ROOT, "%n# result: sent %,d, received %,d (%s), duplicates %d, %.0f mentions/s "
                        + "sustained over %.0f s, latency ingest->event p50 %d ms, p99 %d ms, max %d ms, "
                        + "service RSS %d..%d MB%n",
                total, received.get(), received.get() == total ? "all" : "MISSING " + (total - received.get()),
                duplicates.get(), received.get() / elapsed, elapsed, percentile(all, 0.50), percentile(all, 0.99),
                percentile(all, 1.0), minRss == Long.MAX_VALUE ? 0 : minRss, maxRss);
        StringBuilder perProcess = new StringBuilder("# CPU per mention received:");
        long totalCpu = 0;
        int p = 0;
        for (String name : processes.keySet()) {
            long cpu = cpuAtEnd[p] - cpuAtStart[p];
            totalCpu += cpu;
            perProcess.append(String.format(Locale.ROOT, " %s %.3f ms (%.2f cores),", name,
                    cpu / (double) Math.max(1, received.get()), cpu / 1e3 / elapsed));
            p++;
        }
        System.out.printf(Locale.ROOT, "%s total %.3f ms (%.2f cores)%n", perProcess, totalCpu
                / (double) Math.max(1, received.get()), totalCpu / 1e3 / elapsed);
        producer.close();
        reader.interrupt();
    }

    private static long report(long start, int sent, long received, long lastReceived, AtomicLongArray histogram,
                               long[] previous, long rss, Map<String, Long> processes, long[] lastCpu) {
        long[] window = new long[previous.length];
        for (int i = 0; i < window.length; i++) {
            long now = histogram.get(i);
            window[i] = now - previous[i];
            previous[i] = now;
        }
        long[] cpu = cpuMillis(processes);
        long done = received - lastReceived;
        StringBuilder perMention = new StringBuilder();
        long total = 0;
        for (int p = 0; p < cpu.length; p++) {
            total += cpu[p] - lastCpu[p];
            perMention.append(done == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (cpu[p] - lastCpu[p]) / (double) done))
                    .append(' ');
        }
        perMention.append(done == 0 ? "-" : String.format(Locale.ROOT, "%.3f", total / (double) done));
        System.out.printf(Locale.ROOT, "%9.0f  %-8d  %-8d  %-12d  %-6d  %-6d  %-14d  %s%n",
                (System.nanoTime() - start) / 1e9, sent, received, done / 10,
                percentile(window, 0.50), percentile(window, 0.99), rss, perMention);
        System.arraycopy(cpu, 0, lastCpu, 0, cpu.length);
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

    /** CPU time of each process so far, in the map's order; PostgreSQL's with its backends. */
    private static long[] cpuMillis(Map<String, Long> processes) {
        long[] cpu = new long[processes.size()];
        int i = 0;
        for (var process : processes.entrySet()) {
            cpu[i++] = process.getKey().equals("postgres") ? withChildren(process.getValue()) : cpuMillis(process.getValue());
        }
        return cpu;
    }

    /**
     * A forking server's CPU time: its own, its ended children's (which the kernel adds to the parent's cutime and
     * cstime once reaped) and its live children's (PostgreSQL: one backend per connection, plus its workers).
     */
    private static long withChildren(long pid) {
        long total = ticks(pid, true);
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && parentOf(Long.parseLong(name)) == pid) {
                    total += ticks(Long.parseLong(name), false);
                }
            }
        } catch (Exception e) {
            return total * 10;
        }
        return total * 10;
    }

    private static String[] statFields(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name, in parentheses, may hold spaces: count fields after its closing parenthesis
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long parentOf(long pid) {
        try {
            return Long.parseLong(statFields(pid)[1]);
        } catch (Exception e) {
            return -1; // ended meanwhile
        }
    }

    /** utime + stime (+ cutime + cstime) in clock ticks; 0 for a process that ended meanwhile. */
    private static long ticks(long pid, boolean reapedChildren) {
        try {
            String[] f = statFields(pid);
            return Long.parseLong(f[11]) + Long.parseLong(f[12])
                    + (reapedChildren ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * User + system CPU time a process used so far (all its threads: event loops, workers, GC, JIT),
     * from /proc/PID/stat in clock ticks of 10 ms (USER_HZ 100 on Linux).
     */
    private static long cpuMillis(long pid) {
        return ticks(pid, false) * 10;
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
