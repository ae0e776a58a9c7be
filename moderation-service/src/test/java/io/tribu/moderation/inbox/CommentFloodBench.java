package io.tribu.moderation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tribu.moderation.charter.CharterBench;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end on a running moderation service: owned-channel comments go into the mentions topic at a fixed
 * rate, half of them insults; for each insult the charter must ask publishing to hide it. Measures the time
 * from the comment's send to the hide request on the actions topic (p50/p95/p99/max), and the service's
 * memory. Run by {@code bench/charter-e2e.sh}; {@code charter} as only argument prints the charter it uses.
 */
public final class CommentFloodBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] INSULTS = {
            "Espèce de connard, toujours pas de colis", "Bande d'abrutis, remboursez-moi", "T'es vraiment un gros con",
            "You are such an idiot, where is my order", "Shut up you moron", "Quelle bande de crétins au SAV"};
    private static final String[] NEUTRAL = {
            "Bonjour, quand arrive la nouvelle collection ?", "Merci pour la livraison rapide !", "Is the shop open on Sunday?",
            "J'adore votre café, bravo", "Any news about my parcel?", "Super accueil en boutique hier"};

    private CommentFloodBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("charter")) {
            System.out.println(charter());
            return;
        }
        String bootstrap = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long servicePid = Long.parseLong(args[3]);
        String mentionsTopic = args[4];
        String actionsTopic = args[5];
        String tenant = args[6];
        String brand = args[7];
        int warmup = Integer.parseInt(args[8]);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (var created : admin.createTopics(List.of(new NewTopic(mentionsTopic, 3, (short) 1),
                    new NewTopic(actionsTopic, 3, (short) 1))).values().values()) {
                try {
                    created.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        run(bootstrap, rate, seconds, warmup, servicePid, mentionsTopic, actionsTopic, tenant, brand);
    }

    /** The bench charter: hide insults first, then the 50 varied rules of the charter micro-benchmark. */
    static String charter() {
        ObjectNode root = CharterBench.fiftyRules();
        ArrayNode rules = (ArrayNode) root.get("rules");
        ObjectNode hide = JSON.createObjectNode().put("id", "hide-insults").put("name", "Masquer les insultes").put("priority", 0);
        hide.putObject("when").putObject("label").put("name", "insult").put("minScore", 0.6);
        hide.putArray("then").addObject().put("action", "hide");
        rules.insert(0, hide);
        // The micro-benchmark's rules hide and escalate too; here they only tag, so each insult gets one hide.
        for (int i = 1; i < rules.size(); i++) {
            ArrayNode then = ((ObjectNode) rules.get(i)).putArray("then");
            then.addObject().put("action", "tag").putArray("tags").add("r" + i);
        }
        return root.toString();
    }

    private static void run(String bootstrap, int rate, int seconds, int warmup, long servicePid, String mentionsTopic,
                            String actionsTopic, String tenant, String brand) throws Exception {
        int total = rate * seconds;
        int firstMeasured = rate * warmup;
        Map<UUID, Long> insultSentAt = new ConcurrentHashMap<>();
        Map<UUID, Boolean> warmingUp = new ConcurrentHashMap<>();
        AtomicLongArray latencyMs = new AtomicLongArray(60_001);
        AtomicLongArray warmupLatencyMs = new AtomicLongArray(60_001);
        AtomicLong hides = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong expected = new AtomicLong();
        Pattern itemId = Pattern.compile("\"itemId\":\"([0-9a-f-]{36})\"");

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(actionsTopic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                org.apache.kafka.clients.consumer.ConsumerRecords<String, String> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (org.apache.kafka.common.errors.InterruptException e) {
                    return;
                }
                for (ConsumerRecord<String, String> r : records) {
                    long now = System.nanoTime();
                    Matcher m = itemId.matcher(r.value());
                    if (!r.value().contains("\"action\":\"hide\"") || !m.find()) {
                        continue;
                    }
                    Long sent = insultSentAt.remove(UUID.fromString(m.group(1)));
                    if (sent == null) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    UUID item = UUID.fromString(m.group(1));
                    (warmingUp.remove(item) != null ? warmupLatencyMs : latencyMs)
                            .incrementAndGet((int) Math.min(60_000, (now - sent) / 1_000_000));
                    hides.incrementAndGet();
                }
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();

        ObjectNode template = (ObjectNode) JSON.readTree(Files.readString(Path.of("..", "listening-service", "src", "main",
                "resources", "events", "mention-recorded.v1.owned-comment.example.json")));
        template.put("tenant", tenant).put("subject", brand);
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.ACKS_CONFIG, "1"), new StringSerializer(), new StringSerializer());
        System.out.printf("# %d comments at %d/s for %d s (half insults), the first %d s as JIT warm-up, tenant %s brand %s%n",
                total, rate, seconds, warmup, tenant, brand);
        long start = System.nanoTime();
        long nextReport = start + 10_000_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            boolean insult = i % 2 == 0;
            UUID mention = UUID.randomUUID();
            ObjectNode event = template.deepCopy();
            event.put("id", UUID.randomUUID().toString()).put("time", Instant.now().toString());
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("mentionId", mention.toString()).put("brandId", brand)
                    .put("author", "@user" + (i % 5000) + "@piaille.fr")
                    .put("text", (insult ? INSULTS : NEUTRAL)[i / 2 % INSULTS.length] + " #" + i)
                    .put("publishedAt", Instant.now().toString());
            if (insult) {
                if (i < firstMeasured) {
                    warmingUp.put(mention, true);
                }
                insultSentAt.put(mention, System.nanoTime());
                expected.incrementAndGet();
            }
            producer.send(new ProducerRecord<>(mentionsTopic, brand + "-" + (i % 16), event.toString()));
            if (System.nanoTime() > nextReport) {
                report(start, i + 1, expected.get(), hides.get(), latencyMs, servicePid);
                nextReport += 10_000_000_000L;
            }
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("# sent %d in %.1f s (%.0f/s); waiting for the last hides%n", total, sendSeconds, total / sendSeconds);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (hides.get() < expected.get() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            report(start, total, expected.get(), hides.get(), latencyMs, servicePid);
        }
        reader.interrupt();
        System.out.printf("%n== comment in -> hide requested, %d comments at %d/s for %d s%n", total, rate, seconds);
        System.out.printf("insults %d, hides requested %d, missing %d, repeated %d%n", expected.get(), hides.get(),
                expected.get() - hides.get(), duplicates.get());
        System.out.printf("after warm-up (%d s on): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; service RSS %s%n", warmup,
                percentile(latencyMs, 0.50), percentile(latencyMs, 0.95), percentile(latencyMs, 0.99),
                percentile(latencyMs, 1.0), rss(servicePid));
        System.out.printf("during warm-up (first %d s): p50 %d ms, p99 %d ms, max %d ms%n", warmup,
                percentile(warmupLatencyMs, 0.50), percentile(warmupLatencyMs, 0.99), percentile(warmupLatencyMs, 1.0));
        producer.close();
    }

    private static void report(long start, long sent, long expected, long hides, AtomicLongArray latencyMs, long pid) {
        System.out.printf("[%4.0f s] sent %d, hides %d/%d, p99 so far %d ms, service RSS %s%n",
                (System.nanoTime() - start) / 1e9, sent, hides, expected, percentile(latencyMs, 0.99), rss(pid));
    }

    private static long percentile(AtomicLongArray histogram, double q) {
        long count = 0;
        for (int i = 0; i < histogram.length(); i++) {
            count += histogram.get(i);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int i = 0; i < histogram.length(); i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return histogram.length() - 1;
    }

    private static String rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
                }
            }
        } catch (Exception e) {
            return "?";
        }
        return "?";
    }
}
