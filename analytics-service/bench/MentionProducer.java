import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends synthetic tribu.listening.mention.recorded.v1 events as fast as the broker takes them.
 * Run by bench/ingest.sh: java -cp <classpath> MentionProducer.java bootstrap topic events brands tenant partitions
 */
public class MentionProducer {

    static final String[] SOURCES = {"mastodon", "rss", "bluesky"};
    static final String[] LANGUAGES = {"fr", "en"};
    static final String[] SENTIMENTS = {"positive", "positive", "neutral", "neutral", "neutral", "negative", "unknown"};
    static final String[] POSITIVE = {"café délicieux", "accueil chaleureux", "great coffee", "service rapide", "love the new roast"};
    static final String[] NEGATIVE = {"livraison en retard", "colis abîmé", "service client injoignable", "cold coffee", "remboursement refusé"};

    /**
     * 6 words of a 20,000-word vocabulary drawn with Zipf's law (rank r with probability ~ 1/r), as
     * bench/generate-scale.sql writes its sampled texts: real posts' length, mostly rare bigrams.
     */
    static String zipfWords(Random random) {
        StringBuilder words = new StringBuilder();
        for (int w = 0; w < 6; w++) {
            words.append(" w").append((int) Math.floor(Math.exp(random.nextDouble() * Math.log(20_000))));
        }
        return words.toString();
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        long events = Long.parseLong(args[2]);
        int brands = Integer.parseInt(args[3]);
        String tenant = args[4];
        int partitions = Integer.parseInt(args[5]);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
        Random random = new Random(42);
        AtomicLong failed = new AtomicLong();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "1"), new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < events; i++) {
                String brand = "bench-%02d".formatted(random.nextInt(brands));
                String sentiment = SENTIMENTS[random.nextInt(SENTIMENTS.length)];
                String text = (sentiment.equals("negative") ? NEGATIVE : POSITIVE)[random.nextInt(5)] + zipfWords(random)
                        + " #" + i;
                String brandQuery = UUID.nameUUIDFromBytes((brand + "/own").getBytes()).toString();
                String rivalQuery = UUID.nameUUIDFromBytes((brand + "/rival").getBytes()).toString();
                boolean rival = random.nextInt(4) == 0;
                String event = """
                        {"specversion":"1.0","id":"%s","source":"/tribu/listening","type":"tribu.listening.mention.recorded.v1",\
                        "subject":"%s","time":"%s","tenant":"%s","data":{"mentionId":"%s","brandId":"%s","source":"%s",\
                        "kind":"post","ownedChannel":false,"author":"author-%d","authorReach":%d,"text":"%s","language":"%s",\
                        "publishedAt":"%s","matchedQueryIds":["%s"],"matchedQueries":[{"id":"%s","name":"%s","subject":"%s","competitor":%s}],\
                        "sentiment":%s}}""".formatted(UUID.randomUUID(), brand, Instant.now(), tenant, UUID.randomUUID(), brand,
                        SOURCES[random.nextInt(3)], random.nextInt(500), random.nextInt(100_000), text,
                        LANGUAGES[random.nextInt(2)], start.plusSeconds(random.nextInt(21 * 24 * 3600)),
                        rival ? rivalQuery : brandQuery, rival ? rivalQuery : brandQuery, rival ? "Rivals" : "Brand",
                        rival ? "competitor" : "brand", rival ? "\"Grain d'Or\"" : "null",
                        sentiment.equals("unknown") ? "null"
                                : "{\"label\":\"" + sentiment + "\",\"score\":0.5}");
                producer.send(new ProducerRecord<>(topic, brand, event), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("  produced %,d%n", i + 1);
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("produced %,d events in %.1f s: %,.0f events/s (failed %d)%n", events, seconds, events / seconds,
                failed.get());
    }
}
