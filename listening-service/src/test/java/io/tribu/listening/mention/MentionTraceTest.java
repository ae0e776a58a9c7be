package io.tribu.listening.mention;

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
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The first half of the trace from {@code POST /brands/{b}/mentions} to analytics' count (analytics' MentionTraceTest
 * proves the second: an event's traceparent is continued up to the count): the mention event leaves through the outbox
 * and Kafka with the POST's trace, as the CloudEvents {@code traceparent} extension and the {@code ce_traceparent}
 * header, naming a span of that request.
 */
@QuarkusTest
@TestProfile(TracedShortPeriodProfile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theMentionEventCarriesThePostsTrace() throws Exception {
        try (TopicReader topic = new TopicReader("tribu.listening.mentions")) {
            String id = given().auth().oauth2(TestTokens.token("soleil", "community-manager", "cafe-lumiere"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("source", "rss", "text", "Café Lumière, traced", "publishedAt", "2026-11-20T10:00:00Z"))
                    .when().post("/brands/cafe-lumiere/mentions")
                    .then().statusCode(201).extract().path("id");

            ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(id), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no event for mention " + id + " on the topic"));
            Header header = record.headers().lastHeader("ce_traceparent");
            assertNotNull(header, "the event's ce_traceparent header");
            String traceparent = new String(header.value(), StandardCharsets.UTF_8);
            JsonNode event = new ObjectMapper().readTree(record.value());
            assertEquals(traceparent, event.path("traceparent").asText(), "the CloudEvents extension and the header agree");
            String traceId = traceparent.split("-")[1];
            String appendedUnder = traceparent.split("-")[2];

            SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals("POST /brands/{brandId}/mentions")
                            && span.getTraceId().equals(traceId)).findFirst(), Optional::isPresent).orElseThrow();
            assertEquals(traceId, server.getTraceId());
            SpanData appender = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getSpanId().equals(appendedUnder)).findFirst()
                    .orElseThrow(() -> new AssertionError("the traceparent names no span of the request: " + traceparent));
            assertEquals(traceId, appender.getTraceId());
        }
    }
}
