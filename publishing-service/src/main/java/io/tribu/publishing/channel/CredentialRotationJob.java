package io.tribu.publishing.channel;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Shortly after startup (then daily), re-seals every row sealed with a key that is no longer active. */
@ApplicationScoped
public class CredentialRotationJob {

    private static final Logger LOG = Logger.getLogger(CredentialRotationJob.class);

    private final ChannelService channels;

    public CredentialRotationJob(ChannelService channels) {
        this.channels = channels;
    }

    @Scheduled(every = "24h", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resealOldRows() {
        return channels.rotate(null)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Re-sealed the credentials of %d channels with the active key", count);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Credential rotation failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
