package io.tribu.publishing.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What operators see of comment polling (docs/operations.md): {@code tribu_comment_polls_total{network,result}}, one
 * per sweep that ended (complete; or stopped: quota, token-refused, rate-limited, page-limit, later, refused, error), and
 * {@code tribu_comment_poll_failing_seconds{network}}, how long the channel failing the longest has been failing (a
 * stop for the quota day is no failure), read from the database every minute for alert TribuCommentPollsFailing.
 * Across tenants: operators see which network, the channels' view says which channel.
 */
@ApplicationScoped
public class CommentPollMetrics {

    private static final Logger LOG = Logger.getLogger(CommentPollMetrics.class);

    private final MeterRegistry registry;
    private final CommentPolls youtube;
    private final LinkedInCommentPolls linkedin;
    private final XReplyPolls x;
    private final Clock clock;
    private final MultiGauge failing;

    public CommentPollMetrics(MeterRegistry registry, CommentPolls youtube, LinkedInCommentPolls linkedin, XReplyPolls x,
                              Clock clock) {
        this.registry = registry;
        this.youtube = youtube;
        this.linkedin = linkedin;
        this.x = x;
        this.clock = clock;
        this.failing = MultiGauge.builder("tribu.comment.poll.failing").baseUnit("seconds")
                .description("How long the network's channel failing the longest has had its comment polls fail (0: none failing)")
                .register(registry);
    }

    /** A sweep of a channel of {@code network} (youtube, linkedin, x) ended with {@code result}. */
    void polled(String network, String result) {
        Counter.builder("tribu.comment.polls").description("Comment polling sweeps, by how they ended")
                .tags("network", network, "result", result).register(registry).increment();
    }

    private MultiGauge.Row<Number> row(String network, java.time.Instant since) {
        Duration longest = since == null ? Duration.ZERO : Duration.between(since, clock.instant());
        return MultiGauge.Row.of(Tags.of("network", network), Math.max(0, longest.toSeconds()));
    }

    @Scheduled(every = "60s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Uni.combine().all().unis(youtube.cursors().failingSince(), linkedin.cursors().failingSince(),
                        x.cursors().failingSince()).asTuple()
                .invoke(since -> failing.register(List.of(row("youtube", since.getItem1()), row("linkedin", since.getItem2()),
                        row("x", since.getItem3())), true))
                .replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Metric not refreshed, the next run tries again: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
