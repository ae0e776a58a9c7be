package io.tribu.platform.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.function.Supplier;

/**
 * Runs a write transaction again when PostgreSQL broke it to resolve a conflict with another one: a deadlock
 * (SQLSTATE 40P01) or a serialization failure (40001). Nothing of the broken transaction was stored, so taking it
 * again is the answer PostgreSQL's documentation gives; the client sees the second attempt's answer, not a 503.
 * Bounded ({@code tribu.write-retry.*}), each wait jittered; every broken attempt is counted in
 * {@code tribu_write_conflicts_total} by SQLSTATE (retried or, once the retries ran out, the last). When the
 * retries run out the failure goes on to {@link ErrorProblems}, which answers 503 with {@code Retry-After}.
 */
@ApplicationScoped
public class WriteRetry {

    private static final double JITTER = 0.5;

    private final PlatformConfig.WriteRetrySettings config;
    private final MeterRegistry metrics;
    private final String application;

    public WriteRetry(PlatformConfig config, MeterRegistry metrics,
                      @ConfigProperty(name = "quarkus.application.name") String application) {
        this.config = config.writeRetry();
        this.metrics = metrics;
        this.application = application;
    }

    /**
     * Subscribes to {@code transaction} again, as a new transaction, while it fails on a conflict. The supplier must
     * open the transaction itself (a {@code @WithTransaction} method, {@code Panache.withTransaction},
     * {@code Pool.withTransaction}): a retry inside a transaction PostgreSQL aborted would only fail again.
     */
    public <T> Uni<T> write(Supplier<Uni<T>> transaction) {
        return Uni.createFrom().<T>deferred(transaction::get)
                .onFailure(Outages::isConflict).invoke(this::count)
                .onFailure(Outages::isConflict).retry()
                .withBackOff(config.backoff(), config.maxBackoff()).withJitter(JITTER).atMost(config.retries());
    }

    private void count(Throwable conflict) {
        Counter.builder("tribu_write_conflicts")
                .description("Write transactions PostgreSQL broke on a conflict (deadlock, serialization failure)")
                .tags("sqlstate", Outages.conflictState(conflict), "application", application)
                .register(metrics).increment();
    }
}
