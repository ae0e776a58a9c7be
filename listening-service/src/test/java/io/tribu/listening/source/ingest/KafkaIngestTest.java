package io.tribu.listening.source.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.listening.mention.IngestedMentions;
import io.tribu.listening.mention.MentionEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class KafkaIngestTest {

    static final String BRAND = "ingest-brand";
    static final String CM = TestTokens.token("soleil", "community-manager", BRAND);

    static final String MENTIONS = "tribu.listening.mentions";
    static final String DEAD_LETTERS = "tribu.listening.ingest.dlq";
    static final String INGEST = "tribu.listening.ingest";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A producer whose records of one transaction are read together: the service reads the ingest read_committed. */
    static KafkaProducer<String, String> transactionalProducer() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ingest-test-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new StringSerializer());
    }

    List<Map<String, Object>> mentionsFrom(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).queryParam("limit", 200)
                .when().get("/brands/" + BRAND + "/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Inject
    Pool database;

    static String header(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("tribu-rejection").value(), StandardCharsets.UTF_8);
    }

    /**
     * Issue 18: a record PostgreSQL refuses held its partition forever (the batch retried without end, the records
     * behind it never stored). Two poisons between good records: one whose text holds a NUL (refused when read),
     * one the database refuses (a check constraint this test adds stands for whatever the checks let through).
     */
    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        String source = given().auth().oauth2(CM).contentType(ContentType.JSON).body(Map.of("type", "webhook"))
                .when().post("/brands/" + BRAND + "/sources")
                .then().statusCode(201).extract().path("id");
        database.query("alter table mention add constraint ingest_test_poison "
                + "check (position('poison-refused-by-postgresql' in text) = 0) not valid").execute().await().indefinitely();
        try (TopicReader dlq = new TopicReader(DEAD_LETTERS);
             KafkaProducer<String, String> producer = producer()) {
            String at = "\"publishedAt\":\"2026-11-22T08:00:00Z\"";
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, "{\"id\":\"good-1\",\"text\":\"Vélo Vert, top\"," + at + "}"));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, "{\"id\":\"nul\",\"text\":\"Vélo\\u0000Vert\"," + at + "}"));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source,
                    "{\"id\":\"refused\",\"text\":\"poison-refused-by-postgresql\"," + at + "}"));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, "{\"id\":\"good-2\",\"text\":\"Vélo Vert, encore\"," + at + "}"));
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> mentionsFrom(source).size() == 2);
            Map<String, ConsumerRecord<String, String>> dead = new java.util.HashMap<>();
            dlq.await(r -> {
                if (source.equals(r.key())) {
                    dead.put(r.value().contains("\"nul\"") ? "nul" : r.value().contains("\"refused\"") ? "refused" : "?", r);
                }
                return dead.containsKey("nul") && dead.containsKey("refused");
            }, Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("dead-letter topic: " + dead.keySet()));
            assertEquals("text: must not contain a NUL character (\\u0000)", header(dead.get("nul")));
            assertTrue(header(dead.get("refused")).startsWith("not stored: "), header(dead.get("refused")));
            assertTrue(header(dead.get("refused")).contains("ingest_test_poison"), header(dead.get("refused")));
            assertTrue(dead.get("refused").value().contains("poison-refused-by-postgresql"), "the record as it came");
            assertEquals(List.of("Vélo Vert, encore", "Vélo Vert, top"),
                    mentionsFrom(source).stream().map(m -> (String) m.get("text")).sorted().toList());
        } finally {
            database.query("alter table mention drop constraint ingest_test_poison").execute().await().indefinitely();
        }
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void recordsAreStoredOnceAndBadOnesGoToTheDeadLetterTopicWithTheirReason() throws Exception {
        String source = given().auth().oauth2(CM).contentType(ContentType.JSON).body(Map.of("type", "webhook"))
                .when().post("/brands/" + BRAND + "/sources")
                .then().statusCode(201).extract().path("id");
        try (TopicReader dlq = new TopicReader(DEAD_LETTERS);
             TopicReader events = new TopicReader("tribu.listening.mentions");
             KafkaProducer<String, String> producer = producer()) {
            String first = "{\"id\":\"crawl-1\",\"text\":\"Super sortie à vélo avec Vélo Vert\",\"publishedAt\":\"2026-11-22T08:00:00Z\"}";
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, first));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, first)); // redelivered
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source,
                    "{\"id\":\"crawl-2\",\"kind\":\"review\",\"text\":\"Service après-vente très lent\",\"publishedAt\":\"2026-11-22T09:00:00Z\"}"));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source,
                    "{\"id\":\"crawl-3\",\"publishedAt\":\"2026-11-22T09:00:00Z\"}")); // no text
            producer.send(new ProducerRecord<>("tribu.listening.ingest", "not-a-source",
                    "{\"id\":\"crawl-4\",\"text\":\"x\",\"publishedAt\":\"2026-11-22T09:00:00Z\"}"));
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> mentionsFrom(source).size() == 2);
            Map<String, ConsumerRecord<String, String>> rejected = new java.util.HashMap<>();
            dlq.await(r -> {
                rejected.put(r.value().contains("crawl-3") ? "crawl-3" : r.value().contains("crawl-4") ? "crawl-4" : "?", r);
                return rejected.containsKey("crawl-3") && rejected.containsKey("crawl-4");
            }, Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("dead-letter topic: " + rejected.keySet()));
            String reason = new String(rejected.get("crawl-3").headers().lastHeader("tribu-rejection").value(),
                    StandardCharsets.UTF_8);
            assertEquals("text: must not be blank", reason);
            assertEquals("not-a-source", rejected.get("crawl-4").key());
            assertTrue(events.await(r -> r.value().contains("Service après-vente très lent"), Duration.ofSeconds(20))
                    .isPresent(), "the stored mention's event reaches the mentions topic");

            readUpToMarkers(events, null, source);
            List<Map<String, Object>> stored = mentionsFrom(source).stream()
                    .filter(m -> !MARKER.equals(m.get("text"))).toList();
            assertEquals(2, stored.size());
            assertEquals(1, stored.stream().filter(m -> "review".equals(m.get("kind"))).count());
        }
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Predicate<ConsumerRecord<String, String>> about(Set<UUID> mentions) {
        return r -> mentions.contains(UUID.fromString(json(r).path("data").path("mentionId").asText(
                "00000000-0000-0000-0000-000000000000")));
    }

    /**
     * The mention.recorded events of these mentions a reader gets within the time, until {@code expected} came: each
     * read, in order. What would come twice is read after them: see {@link #readUpToMarkers}.
     */
    static List<JsonNode> eventsOf(TopicReader reader, Set<UUID> mentions, int expected, Duration timeout) {
        List<JsonNode> read = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && read.size() < expected) {
            reader.await(about(mentions), Duration.ofMillis(500)).ifPresent(r -> read.add(json(r)));
        }
        return read;
    }

    String webhookSource(String brand) {
        return given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("type", "webhook"))
                .when().post("/brands/" + brand + "/sources")
                .then().statusCode(201).extract().path("id");
    }

    long storedFrom(String source) {
        return database.preparedQuery("select count(*) from mention where source_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(source))).await().indefinitely()
                .iterator().next().getLong(0);
    }

    static String delivery(String id, String text, String publishedAt) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"publishedAt\":\"" + publishedAt + "\"}";
    }

    static final String MARKER = "Repère de lecture";

    /**
     * Ingests one marker mention per source, in a transaction after the test's, and reads each one's event (and, given
     * a dead-letter reader, a marker without text of the first source from it). The ingest reads a partition in order
     * and commits a batch's events and dead letters with its offsets, and the topics are keyed by brand and source: what
     * those sources caused before, an event or a dead letter written twice included, is read by then. Deterministic
     * where a fixed window only gave it the chance. The markers are mentions of their sources ({@link #MARKER}).
     */
    static void readUpToMarkers(TopicReader events, TopicReader deadLetters, String... sources) {
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.beginTransaction();
            List<UUID> markers = new java.util.ArrayList<>();
            for (String source : sources) {
                String id = "marker-" + UUID.randomUUID();
                producer.send(new ProducerRecord<>(INGEST, source, delivery(id, MARKER, "2026-11-23T09:00:00Z")));
                markers.add(IngestedMentions.idOf(UUID.fromString(source), id));
            }
            String unreadable = "marker-without-text-" + UUID.randomUUID();
            if (deadLetters != null) {
                producer.send(new ProducerRecord<>(INGEST, sources[0],
                        "{\"id\":\"" + unreadable + "\",\"publishedAt\":\"2026-11-23T09:00:00Z\"}"));
            }
            producer.commitTransaction();
            for (UUID marker : markers) {
                events.await(r -> r.value().contains(marker.toString()), Duration.ofSeconds(30))
                        .orElseThrow(() -> new AssertionError("the marker " + marker + " never reached the topic"));
            }
            if (deadLetters != null) {
                deadLetters.await(r -> r.value().contains(unreadable), Duration.ofSeconds(30))
                        .orElseThrow(() -> new AssertionError("the marker " + unreadable + " was never dead-lettered"));
            }
        }
    }

    /**
     * Issue 23: the Kafka ingest stores a batch with one statement and announces it in one Kafka transaction with the
     * offsets, not through the outbox. Each mention once to a read_committed reader, under the event id derived from
     * the mention's; the same item twice in the batch stored once; two copies in the batch share the earliest's story.
     */
    @Test
    void aBatchIsStoredAndAnnouncedOnceInOneKafkaTransaction() throws Exception {
        String source = webhookSource(BRAND);
        String story = "Vélo Vert ouvre une boutique rue de la République avec un atelier de réparation ouvert le dimanche";
        try (TopicReader events = new TopicReader(MENTIONS);
             KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, delivery("tx-1", story, "2026-11-22T08:00:00Z")));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source,
                    delivery("tx-2", "RT " + story + " !", "2026-11-22T08:05:00Z")));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source,
                    delivery("tx-3", "Le service client de Vélo Vert a répondu en deux minutes, bravo à eux", "2026-11-22T08:10:00Z")));
            producer.send(new ProducerRecord<>("tribu.listening.ingest", source, delivery("tx-1", story, "2026-11-22T08:00:00Z")));
            producer.commitTransaction();

            UUID first = IngestedMentions.idOf(UUID.fromString(source), "tx-1");
            UUID copy = IngestedMentions.idOf(UUID.fromString(source), "tx-2");
            UUID other = IngestedMentions.idOf(UUID.fromString(source), "tx-3");
            List<JsonNode> read = eventsOf(events, Set.of(first, copy, other), 3, Duration.ofSeconds(30));
            assertEquals(3, storedFrom(source));
            readUpToMarkers(events, null, source);
            events.all(about(Set.of(first, copy, other)), Duration.ZERO).forEach(r -> read.add(json(r)));
            assertEquals(3, read.size(), "each mention announced once: " + read);
            Map<UUID, JsonNode> byMention = new HashMap<>();
            read.forEach(e -> byMention.put(UUID.fromString(e.path("data").path("mentionId").asText()), e));
            assertEquals(Set.of(first, copy, other), byMention.keySet());
            for (var e : byMention.entrySet()) {
                assertEquals(MentionEvents.recordedEventId(e.getKey()).toString(), e.getValue().path("id").asText());
                assertEquals("tribu.listening.mention.recorded.v1", e.getValue().path("type").asText());
                assertEquals(BRAND, e.getValue().path("subject").asText());
                assertEquals("soleil", e.getValue().path("tenant").asText());
            }
            assertEquals(first.toString(), byMention.get(copy).path("data").path("storyId").asText(),
                    "the copy in the same batch joins the earliest's story");
            assertEquals(first.toString(), byMention.get(first).path("data").path("storyId").asText());
            assertEquals(other.toString(), byMention.get(other).path("data").path("storyId").asText());
            assertEquals(first.toString(), given().auth().oauth2(CM).when().get("/brands/" + BRAND + "/mentions/" + copy)
                    .then().statusCode(200).extract().path("storyId"));
        }
    }

    /** The partition the producer's default partitioner gives a record of this key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A brand whose events land on another partition of the mentions topic than {@code brand}'s. */
    static String brandOnAnotherPartition(String brand, int partitions) {
        for (int i = 0; ; i++) {
            String candidate = "ingest-big-" + i;
            if (partitionOf(candidate, partitions) != partitionOf(brand, partitions)) {
                return candidate;
            }
        }
    }

    /** A webhook source of {@code brand} whose records go to the same ingest partition as {@code source}'s. */
    String sourceOnTheIngestPartitionOf(String source, String brand, int partitions) {
        while (true) {
            String candidate = webhookSource(brand);
            if (partitionOf(candidate, partitions) == partitionOf(source, partitions)) {
                return candidate;
            }
        }
    }

    /**
     * The broker applies a topic's new settings to its partitions a moment after the admin call returns (longer on a
     * loaded machine): sends a record of that size until the partition of {@code key} refuses it as too large.
     */
    static void awaitRefusedAsTooLarge(String topic, String key, int bytes) {
        try (KafkaProducer<String, String> probe = producer()) {
            String value = "{\"probe\":\"" + "x".repeat(bytes) + "\"}";
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                try {
                    probe.send(new ProducerRecord<>(topic, key, value)).get();
                    return false;
                } catch (ExecutionException refused) {
                    return refused.getCause() instanceof RecordTooLargeException;
                }
            });
        }
    }

    /**
     * Issue 23: a failure between the database's commit and Kafka's. The broker refuses one event of the batch (the
     * topic's max.message.bytes is lowered under it), so the batch's Kafka transaction aborts after its mentions were
     * stored, and the batch is read again until the broker takes it. Then each mention is announced once to a
     * read_committed reader, under the event id the aborted attempt had used; nothing was stored twice. The batch's
     * bad record is dead-lettered in the same transaction: the aborted attempts' dead letters are never read
     * committed, and the one that commits dead-letters it once. The batch's records share one ingest partition, so one
     * poll reads them all (records of one transaction on two partitions may come in two batches, and the small one
     * would then commit alone), and the records go in once the broker refuses the large event.
     */
    @Test
    void aBatchReadAgainAfterAnAbortedTransactionAnnouncesEachMentionOnceWithTheSameIds() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(MENTIONS)).allTopicNames().get().get(MENTIONS).partitions().size();
            assertTrue(partitions > 1, "the mentions topic has partitions: " + partitions);
            int ingestPartitions = admin.describeTopics(List.of(INGEST)).allTopicNames().get().get(INGEST)
                    .partitions().size();
            String small = webhookSource(BRAND);
            String bigBrand = brandOnAnotherPartition(BRAND, partitions);
            String big = sourceOnTheIngestPartitionOf(small, bigBrand, ingestPartitions);
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, MENTIONS);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", "4000"), AlterConfigOp.OpType.SET)))).all().get();
            awaitRefusedAsTooLarge(MENTIONS, bigBrand, 8000);
            try (TopicReader committed = new TopicReader(MENTIONS);
                 TopicReader uncommitted = new TopicReader(MENTIONS, false);
                 TopicReader deadLetters = new TopicReader(DEAD_LETTERS);
                 TopicReader abortedDeadLetters = new TopicReader(DEAD_LETTERS, false);
                 KafkaProducer<String, String> producer = transactionalProducer()) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tribu.listening.ingest", small,
                        delivery("again-1", "Vélo Vert, livraison en retard mais vélo superbe", "2026-11-23T08:00:00Z")));
                producer.send(new ProducerRecord<>("tribu.listening.ingest", small,
                        delivery("again-2", "Vélo Vert : quelle équipe au magasin de Lyon", "2026-11-23T08:01:00Z")));
                producer.send(new ProducerRecord<>("tribu.listening.ingest", small,
                        "{\"id\":\"again-bad\",\"publishedAt\":\"2026-11-23T08:01:30Z\"}")); // no text
                producer.send(new ProducerRecord<>("tribu.listening.ingest", big,
                        delivery("again-big", "Vélo Vert ".repeat(800), "2026-11-23T08:02:00Z")));
                producer.commitTransaction();

                UUID one = IngestedMentions.idOf(UUID.fromString(small), "again-1");
                UUID two = IngestedMentions.idOf(UUID.fromString(small), "again-2");
                UUID large = IngestedMentions.idOf(UUID.fromString(big), "again-big");
                // the aborted attempt wrote the small events in its transaction: seen by a read_uncommitted reader only
                ConsumerRecord<String, String> aborted = uncommitted.await(
                                r -> r.value().contains(one.toString()), Duration.ofSeconds(30))
                        .orElseThrow(() -> new AssertionError("no attempt wrote the event"));
                await().atMost(Duration.ofSeconds(30)).until(() -> storedFrom(small) == 2 && storedFrom(big) == 1);
                Predicate<ConsumerRecord<String, String>> badRecord = r -> small.equals(r.key()) && r.value().contains("again-bad");
                assertTrue(abortedDeadLetters.await(badRecord, Duration.ofSeconds(30)).isPresent(),
                        "an aborted attempt dead-lettered the bad record in its transaction");
                assertTrue(eventsOf(committed, Set.of(one, two, large), 1, Duration.ofSeconds(2)).isEmpty(),
                        "nothing committed while the broker refuses the batch");
                assertTrue(deadLetters.all(badRecord, Duration.ofSeconds(1)).isEmpty(),
                        "no dead letter of an aborted attempt is read committed");

                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                        new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)))).all().get();
                List<JsonNode> read = eventsOf(committed, Set.of(one, two, large), 3, Duration.ofSeconds(60));
                assertEquals(2, storedFrom(small));
                assertEquals(1, storedFrom(big));
                readUpToMarkers(committed, deadLetters, small, big);
                committed.all(about(Set.of(one, two, large)), Duration.ZERO).forEach(r -> read.add(json(r)));
                assertEquals(3, read.size(), "each mention announced once: " + read);
                Set<UUID> announced = new HashSet<>();
                read.forEach(e -> announced.add(UUID.fromString(e.path("data").path("mentionId").asText())));
                assertEquals(Set.of(one, two, large), announced);
                JsonNode first = read.stream().filter(e -> e.path("data").path("mentionId").asText().equals(one.toString()))
                        .findFirst().orElseThrow();
                assertEquals(json(aborted).path("id").asText(), first.path("id").asText(),
                        "the event id of the aborted attempt");
                assertEquals(json(aborted).path("time").asText(), first.path("time").asText());
                // committed with the events just read: the transaction's dead letter is there, once
                List<ConsumerRecord<String, String>> dead = deadLetters.all(badRecord, Duration.ZERO);
                assertEquals(1, dead.size(), "dead-lettered once: " + dead.size());
                assertEquals("text: must not be blank", header(dead.get(0)));
            } finally {
                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                        new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE)))).all().get();
            }
        }
    }
}
