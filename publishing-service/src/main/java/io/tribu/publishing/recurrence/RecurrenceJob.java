package io.tribu.publishing.recurrence;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every {@code tribu.recurrence.tick}, each replica hands the series' occurrences coming due to delivery. */
@ApplicationScoped
public class RecurrenceJob {

    private static final Logger LOG = Logger.getLogger(RecurrenceJob.class);

    private final Recurrences recurrences;

    public RecurrenceJob(Recurrences recurrences) {
        this.recurrences = recurrences;
    }

    @Scheduled(every = "${tribu.recurrence.tick}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return recurrences.handleDue()
                .onFailure().invoke(failure -> LOG.warnf("Recurrence tick failed, next tick retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
