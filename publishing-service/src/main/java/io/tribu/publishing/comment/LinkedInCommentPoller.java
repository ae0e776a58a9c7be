package io.tribu.publishing.comment;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.delivery.DeliveryRepository;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.LinkedInAdapter;
import io.tribu.publishing.network.LinkedInComments;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.TokenRenewal;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the comments and replies on the brands' published LinkedIn posts (LinkedIn has no comment webhook for them)
 * and announces each new or edited one with {@code tribu.publishing.comment.collected.v1}, network {@code linkedin}, the
 * post as thread.
 * <p>
 * A sweep walks the channel's posts published within {@code tribu.linkedin.window}, newest first (publishing's own
 * deliveries: the posts Tribu published), and each post's top-level comments {@code tribu.linkedin.page-size} at a time;
 * a comment with replies has them read too (LinkedIn gives no reply in the comment list). Each page is stored with its
 * events and the next page ({@code <post URN> <start>}) in one transaction ({@link SeenComments}): a replica that stops
 * mid-sweep leaves the cursor at the first page not stored, and whichever replica takes the channel next goes on from
 * there; a comment already announced with the same {@code lastModified} is never announced again, a later one is an
 * edit. A post or comment deleted meanwhile (404) is skipped. A refused token is renewed with the refresh token once,
 * else recorded as the poll's last error (the channel's state shows it) until the channel gets new credentials; 429
 * (LinkedIn's daily throttles) and 5xx wait for {@code Retry-After} or the interval, the cursor kept.
 */
@ApplicationScoped
public class LinkedInCommentPoller {

    private final LinkedInCommentPolls polls;
    private final DeliveryRepository deliveries;
    private final ChannelService channels;
    private final TokenRenewal renewal;
    private final LinkedInComments linkedin;
    private final CommentPollMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private final Duration window;
    private final Duration lease;
    private final int pageSize;
    private final String owner = "linkedin-comments-" + UUID.randomUUID().toString().substring(0, 8);

    public LinkedInCommentPoller(LinkedInCommentPolls polls, DeliveryRepository deliveries, ChannelService channels, TokenRefresh tokens,
                                 LinkedInComments linkedin, CommentPollMetrics metrics, Clock clock, PublishingConfig config) {
        this.polls = polls;
        this.deliveries = deliveries;
        this.channels = channels;
        this.renewal = new TokenRenewal(tokens, "LinkedIn");
        this.linkedin = linkedin;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = config.linkedin().interval();
        this.window = config.linkedin().window();
        this.lease = config.linkedin().lease();
        this.pageSize = config.linkedin().pageSize();
    }

    /** Where a sweep is: a post, and the offset of its next page of top-level comments. */
    record Position(String post, int start) {
        static Position of(String pageToken) {
            int space = pageToken.lastIndexOf(' ');
            return new Position(pageToken.substring(0, space), Integer.parseInt(pageToken.substring(space + 1)));
        }

        String pageToken() {
            return post + " " + start;
        }
    }

    @Scheduled(every = "${tribu.linkedin.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return polls.cursors().tick(owner, clock, lease, this::sweep);
    }

    @WithSpan
    Uni<Void> sweep(PolledCursors.Cursor channel) {
        Instant started = channel.sweepStartedAt() != null ? channel.sweepStartedAt() : clock.instant();
        return polls.cursors().sweep(owner, channel, clock, () -> {
            AtomicReference<Account> account = new AtomicReference<>(channels.account(channel.channelId(), "linkedin", channel.baseUrl(),
                    channel.handle(), channel.credentials()));
            Uni<Position> first = channel.pageToken() != null ? Uni.createFrom().item(Position.of(channel.pageToken()))
                    : nextPost(channel, null);
            return first.chain(position -> position == null
                    // No post within the window: a complete sweep that read nothing.
                    ? polls.seen().store(owner, channel, List.of(), List.of(), null, started, clock.instant().plus(interval)).replaceWithVoid()
                    : page(channel, account, position, started));
        }, result -> metrics.polled("linkedin", result));
    }

    private Uni<Position> nextPost(PolledCursors.Cursor channel, String after) {
        return deliveries.nextPublished(channel.channelId(), clock.instant().minus(window), after)
                .map(post -> post == null ? null : new Position(post, 0));
    }

    private Uni<Void> page(PolledCursors.Cursor channel, AtomicReference<Account> account, Position position, Instant started) {
        return list(channel, account, position.post(), position.start()).chain(page -> {
            Uni<Position> next = !page.comments().isEmpty() && position.start() + page.comments().size() < page.total()
                    ? Uni.createFrom().item(new Position(position.post(), position.start() + page.comments().size()))
                    : nextPost(channel, position.post());
            return replies(channel, account, page.comments()).chain(replies -> {
                List<LinkedInComments.Comment> all = new ArrayList<>(page.comments());
                all.addAll(replies);
                return polls.seen().known(channel.channelId(), all.stream().map(LinkedInComments.Comment::urn).toList())
                        .map(known -> collect(channel, position.post(), all, known));
            }).chain(collected -> next.chain(then -> polls.seen().store(owner, channel, collected.seen, collected.announced,
                            then == null ? null : then.pageToken(), started, clock.instant().plus(interval))
                    .chain(stored -> stored && then != null ? page(channel, account, then, started) : Uni.createFrom().voidItem())));
        });
    }

    /** Every reply of the comments that have some, page after page. */
    private Uni<List<LinkedInComments.Comment>> replies(PolledCursors.Cursor channel, AtomicReference<Account> account,
                                                         List<LinkedInComments.Comment> comments) {
        return Multi.createFrom().iterable(comments.stream().filter(comment -> comment.replyCount() > 0).toList())
                .onItem().transformToUniAndConcatenate(comment -> repliesOf(channel, account, comment.urn(), 0, new ArrayList<>()))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<LinkedInComments.Comment>> repliesOf(PolledCursors.Cursor channel, AtomicReference<Account> account, String comment,
                                                           int start, List<LinkedInComments.Comment> found) {
        return list(channel, account, comment, start).chain(page -> {
            found.addAll(page.comments());
            int read = start + page.comments().size();
            return page.comments().isEmpty() || read >= page.total() ? Uni.createFrom().item(found)
                    : repliesOf(channel, account, comment, read, found);
        });
    }

    /** One list call, the token renewed once if LinkedIn refuses it; a deleted post or comment lists nothing. */
    private Uni<LinkedInComments.Page> list(PolledCursors.Cursor channel, AtomicReference<Account> account, String urn, int start) {
        return renewal.call(account, current -> linkedin.comments(current, urn, start, pageSize),
                answer -> answer instanceof LinkedInComments.TokenRefused refused ? refused.reason() : null, linkedin::refresh,
                clock.instant().plus(interval)).map(answer -> {
            if (answer instanceof LinkedInComments.Page page) {
                return page;
            }
            if (answer instanceof LinkedInComments.Gone) {
                return new LinkedInComments.Page(List.of(), 0);
            }
            Instant now = clock.instant();
            if (answer instanceof LinkedInComments.Later later) {
                throw new PolledCursors.Stop(now.plus(later.after() != null ? later.after() : interval), "later", true, false, later.reason());
            }
            throw new PolledCursors.Stop(now.plus(interval), "refused", true, false, ((LinkedInComments.Refused) answer).reason());
        });
    }

    private record Collected(List<SeenComments.Seen> seen, List<CommentCollected> announced) {
    }

    /** Every comment read is stored; those never announced, or modified since, are announced. */
    private Collected collect(PolledCursors.Cursor channel, String post, List<LinkedInComments.Comment> comments,
                              Map<String, SeenComments.Known> known) {
        Instant now = clock.instant();
        List<SeenComments.Seen> seen = new ArrayList<>();
        List<CommentCollected> announced = new ArrayList<>();
        for (LinkedInComments.Comment comment : comments) {
            SeenComments.Known before = known.get(comment.urn());
            seen.add(new SeenComments.Seen(comment.urn(), comment.updatedAt(), comment.replyCount()));
            String change = SeenComments.change(before, comment.updatedAt());
            if (change != null) {
                announced.add(new CommentCollected(change, channel.channelId(), channel.brandId(), "linkedin", channel.handle(),
                        comment.urn(), comment.parentUrn(), post, new CommentCollected.Author(comment.actor(), comment.actor()),
                        comment.text(), LinkedInAdapter.commentUrl(comment.urn()), channel.handle().equals(comment.actor()),
                        comment.createdAt(), comment.updatedAt(), now));
            }
        }
        return new Collected(seen, announced);
    }
}
