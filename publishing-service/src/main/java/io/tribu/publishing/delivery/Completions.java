package io.tribu.publishing.delivery;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Outcome;
import io.tribu.publishing.post.PostRepository;
import io.tribu.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records many outcomes in one transaction with a few multi-row statements (instead of one transaction
 * per delivery): each row only if {@code owner} still holds its lease with the intent recorded, the
 * event in the outbox only for rows so written. Recording the same outcomes again writes nothing and
 * emits nothing, so a batch retried after an unclear commit does no harm.
 */
@ApplicationScoped
public class Completions {

    private final Pool pool;
    private final DeliveryRepository deliveries;
    private final PostRepository posts;
    private final Outbox outbox;
    private final Retries retries;
    private final String topic;

    public Completions(Pool pool, DeliveryRepository deliveries, PostRepository posts, Outbox outbox, Retries retries,
                       PublishingConfig config) {
        this.pool = pool;
        this.deliveries = deliveries;
        this.posts = posts;
        this.outbox = outbox;
        this.retries = retries;
        this.topic = config.topics().posts();
    }

    /** Returns the deliveries recorded (published, failed or back to pending); the others were not ours any more. */
    Uni<Set<UUID>> record(String owner, List<Answered> answers) {
        List<Answered> retried = answers.stream().filter(this::retried).toList();
        List<Answered> finished = answers.stream().filter(answer -> !retried(answer)).toList();
        return pool.withTransaction(connection -> finish(connection, owner, finished)
                .call(done -> emit(connection, finished, done))
                .call(done -> settlePosts(connection, finished, done))
                .chain(done -> retry(connection, owner, retried).map(later -> {
                    Set<UUID> recorded = new HashSet<>(done);
                    recorded.addAll(later);
                    return recorded;
                })));
    }

    private boolean retried(Answered answer) {
        return retries.again(answer.outcome(), answer.delivery().attempts());
    }

    private Uni<Set<UUID>> finish(SqlConnection connection, String owner, List<Answered> finished) {
        return deliveries.finish(connection, owner, finished.stream().map(this::finished).toList());
    }

    private DeliveryRepository.Finished finished(Answered answer) {
        UUID id = answer.delivery().id();
        if (answer.outcome() instanceof Outcome.Published published) {
            return new DeliveryRepository.Finished(id, DeliveryState.PUBLISHED, published.externalId(), published.url(), null,
                    answer.at(), answer.at(), false);
        }
        return new DeliveryRepository.Finished(id, DeliveryState.FAILED, null, null, retries.failureReason(answer.outcome()),
                null, answer.at(), answer.outcome() instanceof Outcome.AuthExpired);
    }

    private Uni<Set<UUID>> retry(SqlConnection connection, String owner, List<Answered> retried) {
        return deliveries.retry(connection, owner, retried.stream().map(answer -> {
            Outcome.Retry retry = (Outcome.Retry) answer.outcome();
            return new DeliveryRepository.Retried(answer.delivery().id(),
                    retries.next(answer.at(), answer.delivery().attempts(), retry), retry.reason());
        }).toList());
    }

    private Uni<Void> emit(SqlConnection connection, List<Answered> finished, Set<UUID> done) {
        return outbox.appendAll(connection, finished.stream().filter(answer -> done.contains(answer.delivery().id()))
                .map(this::event).toList());
    }

    private Outbox.Pending event(Answered answer) {
        Leased delivery = answer.delivery();
        if (answer.outcome() instanceof Outcome.Published published) {
            return new Outbox.Pending(topic, delivery.tenant(), delivery.brandId(), DeliveryEvents.PUBLISHED,
                    new DeliveryEvents.Published(delivery.postId(), delivery.id(), delivery.brandId(), delivery.channelId(),
                            delivery.network(), published.externalId(), published.url(), delivery.dueAt(), answer.at(),
                            delivery.attempts()));
        }
        return new Outbox.Pending(topic, delivery.tenant(), delivery.brandId(), DeliveryEvents.FAILED,
                new DeliveryEvents.Failed(delivery.postId(), delivery.id(), delivery.brandId(), delivery.channelId(),
                        delivery.network(), retries.failureReason(answer.outcome()), delivery.attempts(), delivery.dueAt(), answer.at()));
    }

    /** The posts of the deliveries so finished settle (published, failed or still publishing). */
    private Uni<Void> settlePosts(SqlConnection connection, List<Answered> finished, Set<UUID> done) {
        return posts.settlePublishing(connection, finished.stream().filter(answer -> done.contains(answer.delivery().id()))
                .map(answer -> answer.delivery().postId()).distinct().sorted().toArray(UUID[]::new));
    }
}
