package io.tribu.platform.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts, per topic, the events a consumer took in ({@code tribu_intake_processed_total}: applied, or found applied
 * before) and those it sent to its dead-letter topic ({@code tribu_intake_dead_lettered_total}).
 */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry metrics;
    private final String application;

    public IntakeMetrics(MeterRegistry metrics, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.metrics = metrics;
        this.application = application;
    }

    public void processed(String topic, int events) {
        counter("tribu_intake_processed", "Events taken in by a consumer, applied or found applied before", topic)
                .increment(events);
    }

    public void deadLettered(String topic) {
        counter("tribu_intake_dead_lettered", "Events a consumer sent to its dead-letter topic", topic).increment();
    }

    private Counter counter(String name, String description, String topic) {
        // Micrometer keeps one counter per name and tags: registering again returns it.
        return Counter.builder(name).description(description).tags("topic", topic, "application", application)
                .register(metrics);
    }
}
