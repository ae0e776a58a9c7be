package io.tribu.listening.source.rss;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.mention.MentionService;
import io.tribu.listening.mention.NewMention;
import io.tribu.listening.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Polls the feeds that are due. A source is claimed by moving its next poll time forward under
 * FOR UPDATE SKIP LOCKED, so replicas share the work without polling a feed twice. New items and
 * the feed's validators (ETag, Last-Modified) are saved in one transaction: a crash in between
 * re-reads the same items next time, and the per-source item id keeps them from being stored twice.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final MentionService mentions;
    private final int batchSize;

    public FeedPoller(FeedFetcher fetcher, FeedParser parser, MentionService mentions,
                      @ConfigProperty(name = "tribu.sources.poll-batch-size", defaultValue = "20") int batchSize) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.mentions = mentions;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${tribu.sources.poll-tick}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueFeeds() throws Throwable {
        List<Source> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claimDue));
        for (Source source : due) {
            poll(source);
        }
    }

    private Uni<List<Source>> claimDue() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select * from source where enabled and type = 'rss' and next_poll_at <= now()
                        order by next_poll_at limit :limit for update skip locked""", Source.class)
                .setParameter("limit", batchSize)
                .getResultList()
                .invoke(claimed -> claimed.forEach(source ->
                        source.nextPollAt = Instant.now().plusSeconds(source.pollIntervalSeconds))));
    }

    void poll(Source claimed) throws Throwable {
        Instant fetchedAt = Instant.now();
        try {
            FeedResponse response = fetcher.fetch(URI.create(claimed.url), claimed.etag, claimed.lastModified);
            List<FeedItem> items = response.notModified() ? List.of() : parser.parse(response.body(), fetchedAt);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> store(claimed, response, items, fetchedAt)));
        } catch (IOException e) {
            LOG.infof("Feed %s of brand %s not read: %s", claimed.url, claimed.brandId, e.getMessage());
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> recordFailure(claimed, e.getMessage(), fetchedAt)));
        }
    }

    private Uni<Void> store(Source claimed, FeedResponse response, List<FeedItem> items, Instant fetchedAt) {
        List<FeedItem> oldestFirst = items.stream().sorted(Comparator.comparing(FeedItem::publishedAt)).toList();
        return Source.<Source>findById(claimed.id).chain(source -> {
            if (source == null) {
                return Uni.createFrom().voidItem(); // removed while we were reading it
            }
            return Multi.createFrom().iterable(oldestFirst)
                    .onItem().transformToUniAndConcatenate(item -> mentions.recordOnce(source.tenant, source.brandId,
                            new NewMention(source.id, item.externalId(), "rss", "post", source.ownedChannel,
                                    item.author(), item.text(), item.link(), null, item.publishedAt())))
                    .collect().asList()
                    .invoke(added -> {
                        source.etag = response.etag();
                        source.lastModified = response.lastModified();
                        source.lastPolledAt = fetchedAt;
                        source.lastStatus = response.notModified() ? "304 not modified" : "200: " + added.size() + " new";
                        source.lastError = null;
                    })
                    .replaceWithVoid();
        });
    }

    private static Uni<Void> recordFailure(Source claimed, String error, Instant fetchedAt) {
        return Source.<Source>findById(claimed.id).invoke(source -> {
            if (source != null) {
                source.lastPolledAt = fetchedAt;
                source.lastStatus = "error";
                source.lastError = error;
            }
        }).replaceWithVoid();
    }
}
