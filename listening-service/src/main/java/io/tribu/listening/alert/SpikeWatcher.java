package io.tribu.listening.alert;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Checks every negative-spike rule on a tick. Every replica may check: the rule's cooldown is claimed atomically,
 * so an episode raises one alert.
 */
@ApplicationScoped
public class SpikeWatcher {

    private static final Logger LOG = Logger.getLogger(SpikeWatcher.class);

    private final AlertService alerts;
    private final Clock clock;

    public SpikeWatcher(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Scheduled(every = "${tribu.alerts.check-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkAll() throws Throwable {
        List<UUID> rules = VertxContextSupport.subscribeAndAwait(alerts::spikeRules);
        Instant now = clock.instant();
        for (UUID rule : rules) {
            boolean raised = VertxContextSupport.subscribeAndAwait(() -> alerts.checkSpike(rule, now));
            if (raised) {
                LOG.infof("Negative spike alert raised by rule %s", rule);
            }
        }
    }
}
