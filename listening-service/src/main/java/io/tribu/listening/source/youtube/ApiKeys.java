package io.tribu.listening.source.youtube;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.source.Source;
import io.tribu.platform.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * YouTube sources' API keys at rest: sealed with the keyring {@code tribu.credentials.*} (AES-256-GCM, the source's id
 * as associated data, see {@link SecretCipher}) when a source is added, opened only to poll. Shortly after startup
 * (then daily) every key stored in clear by an earlier release is sealed and its clear column nulled, and every key
 * sealed with a key that is no longer active is re-sealed with the active one; replicas share the work (SKIP LOCKED).
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final int BATCH = 100;

    private final SecretCipher cipher;

    public ApiKeys(ListeningConfig config) {
        this.cipher = new SecretCipher(config.credentials().keys(), config.credentials().activeKey());
    }

    /** What is stored for the API key of the source {@code sourceId}. */
    public String seal(UUID sourceId, String apiKey) {
        return cipher.seal(apiKey, context(sourceId));
    }

    /** The source's API key: the sealed one, or the clear one of a row the sealing has not reached yet. */
    public String open(Source source) {
        return source.sealedApiKey != null ? cipher.open(source.sealedApiKey, context(source.id)) : source.apiKey;
    }

    private static String context(UUID sourceId) {
        return "source:" + sourceId + ":api-key";
    }

    @Scheduled(every = "24h", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sealOnSchedule() {
        return sealAll()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Sealed the API keys of %d YouTube sources with the active key", count);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Sealing the YouTube API keys failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Seals the clear keys and re-seals those of an older key, in batches of {@value #BATCH} per transaction; rows locked
     * by another replica are left to it. Returns how many rows changed.
     */
    public Uni<Integer> sealAll() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                select * from source
                                where api_key is not null or api_key_sealed not like :prefix""" + " limit " + BATCH
                                + " for update skip locked", Source.class)
                        .setParameter("prefix", cipher.activePrefix() + "%")
                        .getResultList())
                .map(batch -> {
                    for (Source source : batch) {
                        source.sealedApiKey = source.sealedApiKey != null
                                ? cipher.reseal(source.sealedApiKey, context(source.id))
                                : seal(source.id, source.apiKey);
                        source.apiKey = null;
                    }
                    return batch.size();
                }))
                .chain(done -> done < BATCH ? Uni.createFrom().item(done) : sealAll().map(more -> more + done));
    }
}
