package io.tribu.publishing.link;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.delivery.Retries;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.InstagramAdapter;
import io.tribu.publishing.network.Network;
import io.tribu.publishing.network.Outcome;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Answers link requests: leases due ones ({@code FOR UPDATE SKIP LOCKED}), finds the brand's Instagram channel whose
 * handle is the request's account id, reads the media's permalink (the cache, else Graph with the channel's token,
 * renewed ahead of expiry like a delivery's) and records the answer with its event. A comment's address is the media
 * permalink followed by {@code c/<commentId>/} (Instagram's own form for a link to a comment). A rate limit or a
 * network error puts the request, and the account's other pending ones, back until the network's Retry-After (else
 * the delivery backoff); past {@code tribu.delivery.max-attempts} it is answered with {@code gave-up}. Reading is
 * idempotent, so a worker that dies mid-call leaves a lease that simply runs out and the next one reads again.
 */
@ApplicationScoped
public class LinkWorker {

    private static final Logger LOG = Logger.getLogger(LinkWorker.class);

    private final LinkRequests requests;
    private final ChannelService channels;
    private final TokenRefresh tokens;
    private final InstagramAdapter instagram;
    private final Retries retries;
    private final Clock clock;
    private final int batchSize;
    private final int concurrency;
    private final Duration lease;
    private final String owner = "links-" + UUID.randomUUID().toString().substring(0, 8);

    public LinkWorker(LinkRequests requests, ChannelService channels, TokenRefresh tokens, InstagramAdapter instagram, Retries retries,
                      Clock clock,
                      PublishingConfig config) {
        this.requests = requests;
        this.channels = channels;
        this.tokens = tokens;
        this.instagram = instagram;
        this.retries = retries;
        this.clock = clock;
        this.batchSize = config.links().batchSize();
        this.concurrency = config.links().concurrency();
        this.lease = config.links().lease();
    }

    @Scheduled(every = "${tribu.links.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return drain()
                .onFailure().invoke(failure -> LOG.warnf("Link tick failed, next tick retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Leases and answers batches until no due request is left; returns how many were handled. */
    Uni<Integer> drain() {
        Instant now = clock.instant();
        return requests.claim(owner, batchSize, now, now.plus(lease)).chain(batch -> batch.isEmpty()
                ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(batch)
                .onItem().transformToUni(this::answer).merge(concurrency)
                .collect().asList()
                .chain(done -> batch.size() < batchSize
                        ? Uni.createFrom().item(done.size())
                        : drain().map(more -> more + done.size())));
    }

    private Uni<Void> answer(LinkRequests.Claimed request) {
        if (!Network.INSTAGRAM.wire().equals(request.network())) {
            return resolve(request, null, null, LinkFailures.UNSUPPORTED_NETWORK, "links are resolved for instagram only");
        }
        return requests.channel(request).chain(channel -> channel == null
                        ? resolve(request, null, null, LinkFailures.NO_CHANNEL,
                        "the brand has no instagram channel with the account id " + request.accountId())
                        : requests.cachedPermalink(request).chain(cached -> cached != null
                        ? resolve(request, channel.getUUID("id"), cached, null, null)
                        : read(request, channel)))
                .onFailure().invoke(failure -> LOG.warnf("Link request %s: not answered (%s); its lease will run out and the "
                        + "next worker reads again", request.requestId(), failure))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> read(LinkRequests.Claimed request, Row channel) {
        UUID channelId = channel.getUUID("id");
        Account account = channels.account(channelId, request.network(), channel.getString("base_url"), channel.getString("handle"),
                channel.getString("credentials"));
        return tokens.call(instagram, account, current -> instagram.permalink(current, request.mediaId()))
                .onFailure().recoverWithItem(failure -> new Outcome.Retry(null, "permalink read failed: " + failure.getMessage()))
                .chain(outcome -> {
                    if (outcome instanceof Outcome.Published published && published.url() != null) {
                        return resolve(request, channelId, published.url(), null, null);
                    }
                    if (outcome instanceof Outcome.Retry retry && retries.again(outcome, request.attempts())) {
                        return requests.later(owner, request, retries.next(clock.instant(), request.attempts(), retry), retry.reason());
                    }
                    String failure = outcome instanceof Outcome.AuthExpired ? LinkFailures.TOKEN_REFUSED
                            : outcome instanceof Outcome.Retry ? LinkFailures.GAVE_UP : LinkFailures.REFUSED;
                    String reason = outcome instanceof Outcome.Published ? "Graph gave no permalink" : retries.failureReason(outcome);
                    return resolve(request, channelId, null, failure, reason);
                });
    }

    private Uni<Void> resolve(LinkRequests.Claimed request, UUID channelId, String permalink, String failure, String reason) {
        String url = permalink == null ? null : commentUrl(permalink, request.commentId());
        return requests.resolve(owner, request, channelId, permalink, url, failure, reason, clock.instant()).replaceWithVoid();
    }

    /** {@code https://www.instagram.com/p/<shortcode>/} + {@code c/<commentId>/}. */
    static String commentUrl(String permalink, String commentId) {
        return (permalink.endsWith("/") ? permalink : permalink + "/") + "c/"
                + java.net.URLEncoder.encode(commentId, java.nio.charset.StandardCharsets.UTF_8) + "/";
    }
}
