package io.tribu.listening.source.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.listening.TracedShortPeriodProfile;
import io.restassured.http.ContentType;
import io.tribu.listening.mention.IngestedMentions;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Issue 23: the Kafka ingest's events carry a trace as the outbox's do. A record sent with a W3C {@code traceparent}
 * header is taken in under a {@code CONSUMER} span continuing that trace, and its mention event names that span in
 * its CloudEvents {@code traceparent} extension and {@code ce_traceparent} header.
 */
@QuarkusTest
@TestProfile(TracedShortPeriodProfile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class KafkaIngestTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theIngestedMentionsEventContinuesTheRecordsTrace() throws Exception {
        String brand = "ingest-traced";
        String source = given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand))
                .contentType(ContentType.JSON).body(Map.of("type", "webhook"))
                .when().post("/brands/" + brand + "/sources")
                .then().statusCode(201).extract().path("id");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = traceId.substring(0, 16);
        UUID mention = IngestedMentions.idOf(UUID.fromString(source), "traced-1");
        try (TopicReader topic = new TopicReader(KafkaIngestTest.MENTIONS);
             KafkaProducer<String, String> producer = KafkaIngestTest.producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>("tribu.listening.ingest", source,
                    KafkaIngestTest.delivery("traced-1", "Vélo Vert, suivi de bout en bout", "2026-11-24T08:00:00Z"));
            record.headers().add("traceparent",
                    ("00-" + traceId + "-" + producerSpan + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();

            ConsumerRecord<String, String> event = topic.await(r -> r.value().contains(mention.toString()),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no event for mention " + mention));
            Header header = event.headers().lastHeader("ce_traceparent");
            assertNotNull(header, "the event's ce_traceparent header");
            String traceparent = new String(header.value(), StandardCharsets.UTF_8);
            JsonNode json = new ObjectMapper().readTree(event.value());
            assertEquals(traceparent, json.path("traceparent").asText(), "the CloudEvents extension and the header agree");
            assertEquals(traceId, traceparent.split("-")[1], "the record's trace goes on");
            String appendedUnder = traceparent.split("-")[2];

            SpanData consumer = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getSpanId().equals(appendedUnder)).findFirst(), Optional::isPresent).orElseThrow();
            assertEquals(SpanKind.CONSUMER, consumer.getKind());
            assertEquals("tribu.listening.ingest process", consumer.getName());
            assertEquals(producerSpan, consumer.getParentSpanId(), "the span's parent is the record's producer");
        }
    }
}
