package io.tribu.publishing.review;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.GoogleBusinessApi;
import io.tribu.publishing.poll.PolledCursors;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the reviews of the brands' Google Business Profile locations and announces each new or updated one with
 * {@code tribu.publishing.review.collected.v1}.
 * <p>
 * A sweep walks the location's reviews newest update first, page by page, and ends at the last page or at the first
 * page whose reviews were all last updated before the previous sweep's start less {@code tribu.reviews.lookback}.
 * Each page is stored with its events and the next page's token in one transaction ({@link ReviewPolls}): a replica
 * that stops mid-sweep leaves the cursor at the first page not stored, and whichever replica takes the location next
 * goes on from there; a review already announced with the same {@code updateTime} is never announced again. A review
 * updated during a sweep moves to the front: the pages after shift by one, so one review may be read twice (announced
 * once) and none is skipped. A refused token is renewed with the refresh token once, else recorded as the poll's last
 * error until the channel gets new credentials; 429 and 5xx wait for {@code Retry-After} or the interval.
 */
@ApplicationScoped
public class ReviewPoller {


    private final ReviewPolls polls;
    private final ChannelService channels;
    private final TokenRefresh tokens;
    private final GoogleBusinessApi google;
    private final Clock clock;
    private final Duration interval;
    private final Duration lookback;
    private final Duration lease;
    private final String owner = "reviews-" + UUID.randomUUID().toString().substring(0, 8);

    public ReviewPoller(ReviewPolls polls, ChannelService channels, TokenRefresh tokens, GoogleBusinessApi google, Clock clock,
                        PublishingConfig config) {
        this.polls = polls;
        this.channels = channels;
        this.tokens = tokens;
        this.google = google;
        this.clock = clock;
        this.interval = config.reviews().interval();
        this.lookback = config.reviews().lookback();
        this.lease = config.reviews().lease();
    }

    @Scheduled(every = "${tribu.reviews.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return polls.cursors().tick(owner, clock, lease, this::sweep);
    }

    @WithSpan
    Uni<Void> sweep(PolledCursors.Cursor location) {
        Instant started = location.sweepStartedAt() != null ? location.sweepStartedAt() : clock.instant();
        return polls.cursors().sweep(owner, location, clock, () -> page(location, new AtomicReference<>(channels.account(location.channelId(),
                "google_business", location.baseUrl(), location.handle(), location.credentials())), location.pageToken(), started), result -> { });
    }

    private Uni<Void> page(PolledCursors.Cursor location, AtomicReference<Account> account, String pageToken, Instant started) {
        return call(account, pageToken).chain(page -> {
            Instant cutoff = (location.watermark() != null ? location.watermark() : started).minus(lookback);
            boolean last = page.nextPageToken() == null
                    || page.reviews().stream().allMatch(review -> review.updateTime().isBefore(cutoff));
            return polls.known(location.channelId(), page.reviews().stream().map(GoogleBusinessApi.Review::reviewId).toList())
                    .map(known -> collect(location, page.reviews(), known))
                    .chain(collected -> polls.store(owner, location, collected.seen, collected.announced,
                            last ? null : page.nextPageToken(), started, clock.instant().plus(interval)))
                    .chain(stored -> stored && !last ? page(location, account, page.nextPageToken(), started)
                            : Uni.createFrom().voidItem());
        });
    }

    /** One list call, the token renewed once if Google refuses it. */
    private Uni<GoogleBusinessApi.Page> call(AtomicReference<Account> account, String pageToken) {
        return PolledCursors.renewingOnce(tokens, account, current -> google.reviews(current, pageToken),
                answer -> answer instanceof GoogleBusinessApi.TokenRefused refused ? refused.reason() : null, google::refresh,
                "Google", () -> clock.instant().plus(interval)).map(answer -> {
            if (answer instanceof GoogleBusinessApi.Page page) {
                return page;
            }
            Instant now = clock.instant();
            if (answer instanceof GoogleBusinessApi.TokenRefused refused) {
                throw new PolledCursors.Stop(now.plus(interval), PolledCursors.TOKEN_REFUSED, true, true, "token refused by Google after renewal: " + refused.reason());
            }
            if (answer instanceof GoogleBusinessApi.Later later) {
                throw new PolledCursors.Stop(now.plus(later.after() != null ? later.after() : interval), "later", true, false, later.reason());
            }
            throw new PolledCursors.Stop(now.plus(interval), "refused", true, false, ((GoogleBusinessApi.Refused) answer).reason());
        });
    }

    private record Collected(List<ReviewPolls.Seen> seen, List<ReviewCollected> announced) {
    }

    /** Every review read is stored; those never announced, or updated since, are announced. */
    private Collected collect(PolledCursors.Cursor location, List<GoogleBusinessApi.Review> reviews, Map<String, Instant> known) {
        Instant now = clock.instant();
        List<ReviewPolls.Seen> seen = new ArrayList<>();
        List<ReviewCollected> announced = new ArrayList<>();
        for (GoogleBusinessApi.Review review : reviews) {
            Instant before = known.get(review.reviewId());
            seen.add(new ReviewPolls.Seen(review.reviewId(), review.updateTime()));
            // Stored to the microsecond: compared the same way, a time never read as later than itself.
            String change = before == null ? ReviewCollected.NEW
                    : review.updateTime().truncatedTo(ChronoUnit.MICROS).isAfter(before) ? ReviewCollected.UPDATED : null;
            if (change != null) {
                announced.add(new ReviewCollected(change, location.channelId(), location.brandId(), "google_business",
                        location.handle(), review.reviewId(), review.name(),
                        new ReviewCollected.Author(review.anonymous() ? null : review.reviewerName(), review.anonymous()),
                        review.rating() == 0 ? null : review.rating(), review.text(),
                        review.reply() == null ? null : new ReviewCollected.Reply(review.reply().text(), review.reply().updateTime()),
                        review.createTime(), review.updateTime(), now));
            }
        }
        return new Collected(seen, announced);
    }
}
