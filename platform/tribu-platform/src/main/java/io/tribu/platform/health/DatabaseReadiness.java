package io.tribu.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness is the database, answered within {@link #BOUND}: a replica that cannot reach PostgreSQL is not ready, and
 * says so before a probe's one-second timeout. Replaces Quarkus' own datasource checks (turned off by the platform's
 * {@code META-INF/microprofile-config.properties}): the JDBC one, whose pool exists only for Flyway at start-up, waits
 * a second for a new connection when the database refuses them.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final String NAME = "database";
    static final Duration BOUND = Duration.ofMillis(800);

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(BOUND).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", reason(failure)).build());
    }

    private static String reason(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within " + BOUND.toMillis() + " ms";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
