import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends synthetic tribu.publishing.engagement.collected.v1 snapshots as publishing does: per post variant,
 * a series of growing cumulative counts every 15 minutes (10 snapshots each, shuffled a little so that
 * some older snapshots arrive after newer ones).
 * Run by bench/ingest.sh: java -cp <classpath> EngagementProducer.java bootstrap topic events brands tenant partitions
 */
public class EngagementProducer {

    static final String[] NETWORKS = {"mastodon", "bluesky", "facebook", "instagram"};
    static final String[] TYPES = {"text", "image", "image", "video", "link"};
    static final String[] TAGS = {"noel", "promo", "rentree", "soldes", "recrutement"};
    static final int SNAPSHOTS = 10;

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
        Random random = new Random(7);
        AtomicLong failed = new AtomicLong();
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "1"), new StringSerializer(), new StringSerializer())) {
            long sent = 0;
            while (sent < events) {
                int b = random.nextInt(brands);
                String brand = "bench-%02d".formatted(b);
                int channel = random.nextInt(4);
                String channelId = UUID.nameUUIDFromBytes(("bench" + b + "/" + channel).getBytes()).toString();
                String post = UUID.randomUUID().toString();
                String variant = UUID.randomUUID().toString();
                Instant published = start.plusSeconds(random.nextInt(60 * 24 * 3600));
                String tags = random.nextBoolean() ? "[\"" + TAGS[random.nextInt(TAGS.length)] + "\"]" : "[]";
                String type = TYPES[random.nextInt(TYPES.length)];
                boolean impressions = channel >= 2;
                int finalLikes = random.nextInt(300);
                for (int s = 0; s < SNAPSHOTS && sent < events; s++, sent++) {
                    // Every third series sends two neighbouring snapshots in reverse order (a late older one).
                    int at = (s % 3 == 1 && random.nextInt(3) == 0) ? s + 1 : (s % 3 == 2 ? s - 1 : s);
                    at = Math.min(at, SNAPSHOTS - 1);
                    long likes = finalLikes * (at + 1L) / SNAPSHOTS;
                    String event = """
                            {"specversion":"1.0","id":"%s","source":"/tribu/publishing","type":"tribu.publishing.engagement.collected.v1",\
                            "subject":"%s","time":"%s","datacontenttype":"application/json","tenant":"%s","data":{"postId":"%s",\
                            "variantId":"%s","brandId":"%s","channelId":"%s","network":"%s","externalId":"%d","url":null,\
                            "contentType":"%s","tags":%s,"publishedAt":"%s","collectedAt":"%s","likes":%d,"comments":%d,\
                            "shares":%d,"impressions":%s}}""".formatted(UUID.randomUUID(), brand, Instant.now(), tenant, post,
                            variant, brand, channelId, NETWORKS[channel], sent, type, tags, published,
                            published.plus(Duration.ofMinutes(15L * (at + 1))), likes, likes / 6, likes / 4,
                            impressions ? String.valueOf(likes * 40 + 100) : "null");
                    producer.send(new ProducerRecord<>(topic, brand, event), (metadata, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                    });
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("produced %,d events in %.1f s: %,.0f events/s (failed %d)%n", events, seconds, events / seconds,
                failed.get());
    }
}
