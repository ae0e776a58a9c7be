package io.tribu.listening.source;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.mention.MentionService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Polls the sources that are due, whatever their type, through their connector. A source is claimed
 * by moving its next poll time forward under FOR UPDATE SKIP LOCKED, so replicas share the work
 * without polling a source twice. New items and the source's cursor are saved in one transaction:
 * a crash in between re-reads the same items next time, and the per-source item id keeps them from
 * being stored twice; the cursor only moves with the items, so nothing is skipped.
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);

    private final Map<String, SourceConnector> connectors;
    private final MentionService mentions;
    private final int batchSize;
    private final Clock clock;

    public SourcePoller(@All List<SourceConnector> connectors, MentionService mentions,
                        ListeningConfig config,
                        Clock clock) {
        this.connectors = connectors.stream().collect(Collectors.toMap(SourceConnector::type, Function.identity()));
        this.mentions = mentions;
        this.batchSize = config.sources().pollBatchSize();
        this.clock = clock;
    }

    @Scheduled(every = "${tribu.sources.poll-tick}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollDueSources() throws Throwable {
        List<Source> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claimDue));
        for (Source source : due) {
            poll(source);
        }
    }

    private Uni<List<Source>> claimDue() {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select * from source where enabled and type in (:types) and next_poll_at <= :now
                        order by next_poll_at limit :limit for update skip locked""", Source.class)
                .setParameter("types", List.copyOf(connectors.keySet()))
                .setParameter("limit", batchSize)
                .setParameter("now", now)
                .getResultList()
                .invoke(claimed -> claimed.forEach(source ->
                        source.nextPollAt = now.plusSeconds(source.pollIntervalSeconds))));
    }

    void poll(Source claimed) throws Throwable {
        Instant polledAt = clock.instant();
        try {
            Harvest harvest = connectors.get(claimed.type).harvest(claimed, polledAt);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> store(claimed, harvest, polledAt)));
        } catch (IOException e) {
            String reason = reason(e);
            LOG.infof("Source %s (%s) of brand %s not read: %s", claimed.id, claimed.type, claimed.brandId, reason);
            Instant retryAt = e instanceof GuardedFetcher.SourceException refused ? refused.retryAt() : null;
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> recordFailure(claimed, reason, polledAt, retryAt)));
        }
    }

    /** What the source's owner reads in lastError: the JDK's connection errors often carry no message. */
    static String reason(IOException e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        return "network error";
    }

    private Uni<Void> store(Source claimed, Harvest harvest, Instant polledAt) {
        List<HeardItem> oldestFirst = harvest.items().stream()
                .sorted(Comparator.comparing(HeardItem::publishedAt)).toList();
        return Source.<Source>findById(claimed.id).chain(source -> {
            if (source == null) {
                return Uni.createFrom().voidItem(); // removed while we were reading it
            }
            return mentions.recordAllOnce(oldestFirst.stream()
                            .map(item -> new MentionService.Heard(source.tenant, source.brandId, item.at(source))).toList())
                    .chain(added -> applyChanges(source, harvest).invoke(changed -> {
                        source.etag = harvest.etag();
                        source.lastModified = harvest.lastModified();
                        if (harvest.cursor() != null) {
                            source.cursor = harvest.cursor();
                        }
                        if (harvest.pollAgainAt() != null && source.enabled) {
                            source.nextPollAt = harvest.pollAgainAt();
                        }
                        source.lastPolledAt = polledAt;
                        source.lastStatus = harvest.status() != null ? harvest.status()
                                : "200: " + (added.size() + changed.added()) + " new"
                                + (changed.edited() > 0 ? ", " + changed.edited() + " edited" : "")
                                + (changed.withdrawn() > 0 ? ", " + changed.withdrawn() + " withdrawn" : "");
                    }))
                    .replaceWithVoid();
        });
    }

    /** What the edits and deletions of a poll did to the stored mentions. */
    private record Changes(int added, int edited, int withdrawn) {
    }

    /** Edits, then deletions, one after the other in the poll's transaction: an edit then a delete ends withdrawn. */
    private Uni<Changes> applyChanges(Source source, Harvest harvest) {
        int[] counts = new int[3];
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Harvest.Edit edit : harvest.edits()) {
            chain = chain.chain(() -> mentions.revise(source.tenant, source.brandId, edit.item().at(source))
                    .chain(revised -> {
                        if (revised != null) {
                            counts[1]++;
                            return Uni.createFrom().voidItem();
                        }
                        return !edit.storeIfNew() ? Uni.createFrom().voidItem()
                                : mentions.recordOnce(source.tenant, source.brandId, edit.item().at(source))
                                .invoke(added -> counts[0] += added == null ? 0 : 1).replaceWithVoid();
                    }));
        }
        for (String externalId : harvest.withdrawn()) {
            chain = chain.chain(() -> mentions.withdraw(source.id, externalId)
                    .invoke(withdrawn -> counts[2] += withdrawn == null ? 0 : 1).replaceWithVoid());
        }
        return chain.map(done -> new Changes(counts[0], counts[1], counts[2]));
    }

    private static Uni<Void> recordFailure(Source claimed, String error, Instant polledAt, Instant retryAt) {
        return Source.<Source>findById(claimed.id).invoke(source -> {
            if (source != null) {
                if (retryAt != null && source.enabled) {
                    source.nextPollAt = retryAt;
                }
                source.lastPolledAt = polledAt;
                source.lastStatus = "error";
                source.lastError = error;
                source.lastErrorAt = polledAt;
            }
        }).replaceWithVoid();
    }
}
