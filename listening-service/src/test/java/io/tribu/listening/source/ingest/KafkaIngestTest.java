package io.tribu.listening.source.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.util.List;
import java.util.Map;

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
        try (TopicReader dlq = new TopicReader("tribu.listening.ingest.dlq");
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
        try (TopicReader dlq = new TopicReader("tribu.listening.ingest.dlq");
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

            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertEquals(2, mentionsFrom(source).size());
            assertEquals(1, mentionsFrom(source).stream().filter(m -> "review".equals(m.get("kind"))).count());
        }
    }
}
