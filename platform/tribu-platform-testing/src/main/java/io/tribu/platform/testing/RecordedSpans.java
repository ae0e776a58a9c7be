package io.tribu.platform.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans a test service records, kept in memory: Quarkus' {@code cdi} trace exporter sends them to every
 * {@code SpanExporter} bean, this one among them. Only a test service with tracing on records any: one run with
 * {@link TracingProfile}, or a module whose test configuration turns tracing on; a test injects
 * {@link InMemorySpanExporter} to read them.
 */
@ApplicationScoped
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
