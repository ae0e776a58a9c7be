package io.tribu.publishing.channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code tribu_channel_token_expiry_seconds{network}}: the time until the soonest token of the network's channels
 * expires (negative once expired), for alert TribuTokensExpiring (docs/operations.md). Tokens that renew themselves
 * (a refresh token: X, LinkedIn) are left out, as in the channels' state; a network without any other expiry
 * has no series. Across tenants and brands: operators see which network, the channels' view says which channel.
 */
@ApplicationScoped
public class TokenExpiryMetric {

    private static final Logger LOG = Logger.getLogger(TokenExpiryMetric.class);

    private final Pool pool;
    private final Clock clock;
    private final ChannelService channels;
    private final MultiGauge horizon;

    public TokenExpiryMetric(Pool pool, Clock clock, ChannelService channels, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.channels = channels;
        this.horizon = MultiGauge.builder("tribu.channel.token.expiry").baseUnit("seconds")
                .description("Time until the soonest access token of the network's channels expires (negative: expired)")
                .register(registry);
    }

    @Scheduled(every = "60s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    /** Reads the channels again; run every minute (the alert waits ten). */
    public Uni<Void> refresh() {
        Instant now = clock.instant();
        return pool.query("select id, network, credentials, token_expires_at from channel "
                        + "where token_expires_at is not null and credentials is not null")
                .execute()
                .invoke(rows -> {
                    Map<String, Instant> soonest = new TreeMap<>();
                    for (Row row : rows) {
                        if (!channels.credentialsOf(row.getUUID("id"), row.getString("credentials")).refreshable()) {
                            soonest.merge(row.getString("network"), row.getOffsetDateTime("token_expires_at").toInstant(),
                                    (a, b) -> a.isBefore(b) ? a : b);
                        }
                    }
                    List<MultiGauge.Row<?>> gauges = new ArrayList<>();
                    soonest.forEach((network, expiry) -> gauges.add(
                            MultiGauge.Row.of(Tags.of("network", network), Duration.between(now, expiry).toSeconds())));
                    horizon.register(gauges, true);
                })
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Metric not refreshed, the next run tries again: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
