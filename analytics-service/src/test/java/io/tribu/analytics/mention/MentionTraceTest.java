package io.tribu.analytics.mention;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestEvents;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The second half of the trace from listening's {@code POST /brands/{b}/mentions} to analytics' count (listening's
 * MentionTraceTest proves the first: the event leaves with the POST's trace in {@code ce_traceparent}): a mention event
 * carrying a producer's traceparent is counted under a consumer span whose parent is that producer span, and the count
 * is a span of the same trace. Tracing is on in every test of this module (application.properties): the other tests'
 * spans are recorded too, this one reads its own trace's only.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MentionTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theCountContinuesTheTraceTheEventCarries() {
        String brand = MentionVolumeTest.freshBrand();
        String traceId = hex(16);
        String producerSpanId = hex(8);
        TestEvents.send(MentionVolumeTest.TOPIC, brand, MentionEvents.mention(UUID.randomUUID(), "soleil", brand,
                "2026-11-20T10:15:00Z"), Map.of("ce_traceparent", "00-" + traceId + "-" + producerSpanId + "-01"));

        List<SpanData> trace = await().atMost(Duration.ofSeconds(30)).until(() -> trace(traceId),
                spans -> has(spans, "MentionVolumeService.count") && has(spans, "tribu.listening.mentions process"));
        SpanData consumer = named(trace, "tribu.listening.mentions process");
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals(producerSpanId, consumer.getParentSpanId(), () -> "the consumer span continues the producer's: " + trace);
        assertEquals(List.of("MentionLifecycle.apply", "tribu.listening.mentions process"),
                ancestors(trace, named(trace, "MentionVolumeService.count")), () -> "the count's parents: " + trace);
        assertEquals(1L, MentionVolumeTest.total(TestTokens.token("soleil", "analyst", brand), brand));
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static boolean has(List<SpanData> trace, String name) {
        return trace.stream().anyMatch(span -> span.getName().equals(name));
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The names of the span's parents recorded in this service, nearest first. */
    private static List<String> ancestors(List<SpanData> trace, SpanData span) {
        List<String> names = new ArrayList<>();
        Optional<SpanData> parent = Optional.of(span);
        while ((parent = parentOf(trace, parent.get())).isPresent()) {
            names.add(parent.get().getName());
        }
        return names;
    }

    private static Optional<SpanData> parentOf(List<SpanData> trace, SpanData span) {
        return trace.stream().filter(other -> other.getSpanId().equals(span.getParentSpanId())).findFirst();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
