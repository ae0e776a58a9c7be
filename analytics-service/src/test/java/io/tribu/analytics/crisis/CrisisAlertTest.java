package io.tribu.analytics.crisis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tribu.platform.outbox.OutboxRelay;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TestEvents;
import io.tribu.analytics.mention.MentionEvents;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CrisisAlertTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;
    @Inject
    CrisisAlerts crisisAlerts;
    @Inject
    OutboxRelay relay;

    static Set<ValidationMessage> violations(JsonNode event) {
        try (InputStream schema = CrisisAlertTest.class.getResourceAsStream("/events/alert-raised.v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePublishedExampleMatchesTheSchema() throws IOException {
        JsonNode example = JSON.readTree(Path.of("src", "main", "resources", "events", "alert-raised.v1.example.json").toFile());
        assertEquals(Set.of(), violations(example));
    }

    @Test
    void aBurstOfComplaintsRaisesOneAlertPerKindAndEpisodeWithItsMentions() throws Throwable {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = TestTokens.token("soleil", "analyst", brand);
        Instant began = clock.instant();
        Instant hour = began.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        try (KafkaConsumer<String, String> alerts = consumer()) {
            for (int week = 3; week >= 1; week--) {
                for (int i = 0; i < 4; i++) {
                    TestEvents.send("tribu.listening.mentions", brand, mention(brand, hour.minus(Duration.ofDays(7L * week)),
                            i == 0 ? "negative" : "positive", "Bon café", 10L));
                }
            }
            for (int i = 0; i < 30; i++) {
                TestEvents.send("tribu.listening.mentions", brand, mention(brand, hour.plusSeconds(60L * i), "negative",
                        "Intoxication après le café de ce matin " + i, 100L * i));
            }
            List<JsonNode> raised = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                poll(alerts, brand, raised);
                return raised.size() >= 2;
            });
            // Several more checks find the same episodes: nothing more is raised. Three run now, beside the scheduled
            // ones; then whatever they stored has left the outbox, and the topic is read to its end.
            for (int check = 0; check < 3; check++) {
                VertxContextSupport.subscribeAndAwait(() -> crisisAlerts.checkBrand("soleil", brand, clock.instant()));
            }
            relay.wake();
            await().atMost(Duration.ofSeconds(60)).until(() -> inOutbox(brand) == 0);
            readToTheEnd(alerts, brand, raised);

            assertEquals(2, raised.size(), raised.toString());
            assertEquals(Set.of("volume", "negative-share"),
                    Set.of(raised.get(0).at("/data/kind").asText(), raised.get(1).at("/data/kind").asText()));
            for (JsonNode alert : raised) {
                assertEquals(Set.of(), violations(alert), alert.toString());
                assertEquals("soleil", alert.get("tenant").asText());
                assertEquals(alert.get("id").asText(), alert.at("/data/alertId").asText());
                assertEquals(hour.toString(), alert.at("/data/startedAt").asText());
                // Stamped with the service's clock, the one this test reads, once per check.
                assertEquals(alert.at("/data/detectedAt").asText(), alert.get("time").asText());
                assertTrue(!Instant.parse(alert.get("time").asText()).isBefore(began), alert.get("time").asText());
                // The check may run while the burst is still arriving: the alert carries the mentions known then.
                assertTrue(alert.at("/data/topMentions").size() >= 1);
                assertEquals("negative", alert.at("/data/topMentions/0/sentiment").asText());
            }
            assertEquals(CrisisAlerts.alertId("soleil", brand, "volume", hour).toString(),
                    raised.stream().filter(a -> a.at("/data/kind").asText().equals("volume")).findFirst().orElseThrow()
                            .get("id").asText());
        }
        given().auth().oauth2(analyst)
                .queryParam("from", hour.minus(Duration.ofHours(2)).toString()).queryParam("to", hour.plus(Duration.ofHours(1)).toString())
                .when().get("/brands/" + brand + "/crisis")
                .then().statusCode(200)
                .body("negativeShareEpisodes.size()", equalTo(1))
                .body("negativeShareEpisodes[0].start", equalTo(hour.toString()))
                .body("negativeShareEpisodes[0].peakShare", equalTo(1.0f))
                .body("negativeShareEpisodes[0].usualShareAtPeak", equalTo(0.25f))
                .body("negativeShareEpisodes[0].topMentions[0].reach", equalTo(2900))
                .body("episodes[0].topMentions.size()", equalTo(5));
    }

    @Test
    void aFewComplaintsAtAQuietHourAreNoCrisis() {
        NegativeShareDetector detector = new NegativeShareDetector(4, 10);
        Instant hour = Instant.parse("2026-11-20T10:00:00Z");
        Map<Instant, NegativeShareDetector.HourSentiment> counts = new java.util.HashMap<>();
        for (int week = 1; week <= 4; week++) {
            counts.put(hour.minus(Duration.ofDays(7L * week)), new NegativeShareDetector.HourSentiment(2, 20));
        }
        // 3 negatives of 3: a share of 100 % but too few to be a crisis.
        counts.put(hour, new NegativeShareDetector.HourSentiment(3, 3));
        assertTrue(detector.episodes(counts, hour.minus(Duration.ofDays(60)), hour, hour.plusSeconds(3600)).isEmpty());
        // 12 of 40 (30 %) against a usual 10 %: 20 points above, but under 4 standard errors (4.2 needed).
        counts.put(hour, new NegativeShareDetector.HourSentiment(12, 40));
        assertTrue(detector.episodes(counts, hour.minus(Duration.ofDays(60)), hour, hour.plusSeconds(3600)).isEmpty());
        counts.put(hour, new NegativeShareDetector.HourSentiment(30, 40));
        assertEquals(1, detector.episodes(counts, hour.minus(Duration.ofDays(60)), hour, hour.plusSeconds(3600)).size());
        // Without two weeks of history there is no usual share: no verdict.
        assertTrue(detector.episodes(counts, hour.minus(Duration.ofDays(8)), hour, hour.plusSeconds(3600)).isEmpty());
    }

    private static void poll(KafkaConsumer<String, String> consumer, String brand, List<JsonNode> into) throws IOException {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (brand.equals(record.key())) {
                into.add(JSON.readTree(record.value()));
            }
        }
    }

    /** Polls until the consumer's position reaches the end the topic has now, in every partition it reads. */
    private static void readToTheEnd(KafkaConsumer<String, String> consumer, String brand, List<JsonNode> into) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(consumer, brand, into);
            return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
        });
    }

    /** The brand's events not yet relayed to Kafka. */
    private static long inOutbox(String brand) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement query = db.prepareStatement("select count(*) from outbox_event where message_key = ?")) {
            query.setString(1, brand);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "crisis-alert-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(CrisisAlerts.TOPIC));
        // Join the group before anything is raised, so "latest" starts before the alerts.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    static String mention(String brand, Instant publishedAt, String sentiment, String text, long reach) {
        return MentionEvents.scored(UUID.randomUUID(), "soleil", brand, publishedAt.toString(), sentiment, "author-" + reach,
                reach, text);
    }
}
