package io.tribu.platform.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.CurrentTrace;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The trace an event carries from the span it was appended under to the consumers that take it in. At append time
 * the current span's W3C {@code traceparent} goes with the event (the CloudEvents {@code traceparent} extension and
 * the {@code ce_traceparent} Kafka header); a consumer takes the event in under a {@code CONSUMER} span that
 * continues that trace, so one trace runs from a REST call through Kafka to its last effect.
 *
 * <p>With tracing off ({@code quarkus.otel.sdk.disabled}, the default) there is no current span: events carry no
 * {@code traceparent} and the consumer spans cost a no-op.
 */
@ApplicationScoped
public class EventTraces implements CurrentTrace {

    /** The Kafka header of the CloudEvents {@code traceparent} extension (binary content mode naming). */
    public static final String HEADER = "ce_traceparent";

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public EventTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.tribu.platform.trace");
    }

    /** The current span as a W3C {@code traceparent}, or empty outside a recorded trace. */
    @Override
    public Optional<String> traceparent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** Runs {@code work} under the consumer span of a batch of Kafka records (see {@link #consume(String, List, Supplier)}). */
    public <T> Uni<T> consume(KafkaRecordBatch<?, ?> batch, Supplier<Uni<T>> work) {
        List<? extends KafkaRecord<?, ?>> records = batch.getRecords();
        String topic = records.isEmpty() ? "" : records.get(0).getTopic();
        return consume(topic, records.stream().map(record -> traceparentOf(record.getHeaders())).toList(), work);
    }

    /** Runs {@code work} under the consumer span of one Kafka record (see {@link #consume(String, List, Supplier)}). */
    public <T> Uni<T> consume(Message<?> message, Supplier<Uni<T>> work) {
        var record = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String topic = record.map(IncomingKafkaRecordMetadata::getTopic).orElse("");
        // A list that may hold null: a record without the header still counts as the one message of the span.
        return consume(topic, Arrays.asList(record.map(metadata -> traceparentOf(metadata.getHeaders())).orElse(null)),
                work);
    }

    /**
     * Runs {@code work} under a {@code CONSUMER} span named {@code "<topic> process"}, current while {@code work}
     * runs (the Vert.x context keeps it across the Uni's asynchronous steps) and ended when its Uni ends. The span's
     * parent is the first event's producer (the traceparent it carries); a batch whose events come from several
     * traces links the others, as OpenTelemetry's messaging conventions do for batches. Events without a
     * traceparent (tracing off at the producer, or events older than it) start a trace of their own.
     *
     * @param traceparents the batch's events' traceparents in batch order; nulls and malformed values are skipped
     */
    public <T> Uni<T> consume(String topic, List<String> traceparents, Supplier<Uni<T>> work) {
        List<SpanContext> producers = traceparents.stream().filter(Objects::nonNull).map(EventTraces::spanContextOf)
                .filter(SpanContext::isValid).distinct().toList();
        SpanBuilder builder = tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", (long) traceparents.size());
        if (producers.isEmpty()) {
            builder.setNoParent();
        } else {
            builder.setParent(Context.root().with(Span.wrap(producers.get(0))));
            producers.stream().skip(1).forEach(builder::addLink);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        Uni<T> result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            end(span, scope, e);
            throw e;
        }
        return result.onTermination().invoke((item, failure, cancelled) -> end(span, scope, failure));
    }

    private static void end(Span span, Scope scope, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        scope.close();
    }

    private static String traceparentOf(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static SpanContext spanContextOf(String traceparent) {
        return Span.fromContext(W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_VALUE))
                .getSpanContext();
    }
}
