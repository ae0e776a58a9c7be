package io.tribu.platform.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTracesTest {

    private static final String PRODUCER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String OTHER = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private final EventTraces traces = new EventTraces(sdk);
    private final Tracer tracer = sdk.getTracer("test");

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void theCurrentSpanIsTheEventsTraceparent() {
        assertTrue(traces.traceparent().isEmpty(), "outside a span");
        Span span = tracer.spanBuilder("append").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            assertEquals("00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-01",
                    traces.traceparent().orElseThrow());
        } finally {
            span.end();
        }
    }

    @Test
    void tracingOffGivesNoTraceparent() {
        EventTraces off = new EventTraces(OpenTelemetry.noop());
        Span span = OpenTelemetry.noop().getTracer("test").spanBuilder("append").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            assertTrue(off.traceparent().isEmpty());
        }
    }

    @Test
    void aConsumerSpanContinuesTheProducersTraceAndIsCurrentForTheWork() {
        String result = traces.consume("tribu.listening.mentions", List.of(PRODUCER), () -> {
            tracer.spanBuilder("count").startSpan().end();
            return Uni.createFrom().item("counted");
        }).await().indefinitely();

        assertEquals("counted", result);
        SpanData consumer = only("tribu.listening.mentions process");
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", consumer.getTraceId());
        assertEquals("00f067aa0ba902b7", consumer.getParentSpanId());
        assertTrue(consumer.getParentSpanContext().isRemote());
        SpanData count = only("count");
        assertEquals(consumer.getTraceId(), count.getTraceId());
        assertEquals(consumer.getSpanId(), count.getParentSpanId());
        assertFalse(Span.current().getSpanContext().isValid(), "the consumer span is no longer current once done");
    }

    @Test
    void aBatchFromSeveralTracesContinuesTheFirstAndLinksTheOthers() {
        traces.consume("tribu.listening.mentions", Arrays.asList(null, PRODUCER, "not a traceparent", OTHER, PRODUCER),
                () -> Uni.createFrom().voidItem()).await().indefinitely();

        SpanData consumer = only("tribu.listening.mentions process");
        assertEquals("00f067aa0ba902b7", consumer.getParentSpanId());
        assertEquals(List.of("b7ad6b7169203331"), consumer.getLinks().stream()
                .map(LinkData::getSpanContext).map(context -> context.getSpanId()).toList());
        assertEquals(5L, consumer.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.batch.message_count")).findFirst().orElseThrow().getValue());
    }

    @Test
    void eventsWithoutTraceparentStartATraceOfTheirOwn() {
        traces.consume("tribu.listening.mentions", Arrays.asList((String) null), () -> Uni.createFrom().voidItem())
                .await().indefinitely();

        assertFalse(only("tribu.listening.mentions process").getParentSpanContext().isValid());
    }

    @Test
    void aFailedWorkMarksTheSpan() {
        assertThrows(IllegalStateException.class, () -> traces.consume("t", List.of(PRODUCER),
                () -> Uni.createFrom().failure(new IllegalStateException("database away"))).await().indefinitely());

        SpanData consumer = only("t process");
        assertEquals(StatusCode.ERROR, consumer.getStatus().getStatusCode());
        assertFalse(Span.current().getSpanContext().isValid());
    }

    private SpanData only(String name) {
        List<SpanData> named = spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
        assertEquals(1, named.size(), () -> "spans named " + name + " among " + spans.getFinishedSpanItems());
        return named.get(0);
    }
}
