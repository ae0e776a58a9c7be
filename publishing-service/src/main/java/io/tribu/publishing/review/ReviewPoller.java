package io.tribu.publishing.review;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.GoogleBusinessApi;
import io.tribu.publishing.poll.NetworkPolling;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.tribu.publishing.poll.TokenRenewal;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    private final NetworkPolling<GoogleBusinessApi.Answer> polling;
    private final GoogleBusinessApi google;
    private final Clock clock;
    private final Duration lookback;

    public ReviewPoller(ReviewPolls polls, ChannelService channels, TokenRefresh tokens, GoogleBusinessApi google, Clock clock,
                        PublishingConfig config) {
        this.polls = polls;
        this.polling = new NetworkPolling<>(polls.cursors(), channels, new TokenRenewal<>(tokens, "Google",
                answer -> answer instanceof GoogleBusinessApi.TokenRefused refused ? refused.reason() : null, google::refresh),
                clock, config.reviews().interval(), config.reviews().lease(), "reviews", result -> { });
        this.google = google;
        this.clock = clock;
        this.lookback = config.reviews().lookback();
    }

    @Scheduled(every = "${tribu.reviews.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return polling.tick(this::sweep);
    }

    @WithSpan
    Uni<Void> sweep(PolledCursors.Cursor location) {
        return polling.sweep(location, sweep -> page(sweep, location.pageToken()));
    }

    private Uni<Void> page(Sweep<GoogleBusinessApi.Answer> sweep, String pageToken) {
        PolledCursors.Cursor location = sweep.channel();
        return call(sweep, pageToken).chain(page -> {
            Instant cutoff = (location.watermark() != null ? location.watermark() : sweep.started()).minus(lookback);
            boolean last = page.nextPageToken() == null
                    || page.reviews().stream().allMatch(review -> review.updateTime().isBefore(cutoff));
            return polls.known(location.channelId(), page.reviews().stream().map(GoogleBusinessApi.Review::reviewId).toList())
                    .map(known -> collect(location, page.reviews(), known))
                    .chain(collected -> polls.store(sweep, collected.seen, collected.announced, last ? null : page.nextPageToken()))
                    .chain(stored -> stored && !last ? page(sweep, page.nextPageToken()) : Uni.createFrom().voidItem());
        });
    }

    /** One list call, the token renewed once if Google refuses it. */
    private Uni<GoogleBusinessApi.Page> call(Sweep<GoogleBusinessApi.Answer> sweep, String pageToken) {
        return sweep.read(current -> google.reviews(current, pageToken)).map(answer -> {
            if (answer instanceof GoogleBusinessApi.Page page) {
                return page;
            }
            if (answer instanceof GoogleBusinessApi.Later later) {
                throw polling.later(later.after(), later.reason());
            }
            throw polling.refused(((GoogleBusinessApi.Refused) answer).reason());
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
