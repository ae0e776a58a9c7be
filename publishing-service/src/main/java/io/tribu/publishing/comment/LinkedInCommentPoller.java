package io.tribu.publishing.comment;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.delivery.DeliveryRepository;
import io.tribu.publishing.network.LinkedInAdapter;
import io.tribu.publishing.network.LinkedInComments;
import io.tribu.publishing.poll.NetworkPolling;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.tribu.publishing.poll.TokenRenewal;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    private final NetworkPolling<LinkedInComments.Answer> polling;
    private final DeliveryRepository deliveries;
    private final LinkedInComments linkedin;
    private final Clock clock;
    private final Duration window;
    private final int pageSize;

    public LinkedInCommentPoller(LinkedInCommentPolls polls, DeliveryRepository deliveries, ChannelService channels, TokenRefresh tokens,
                                 LinkedInComments linkedin, CommentPollMetrics metrics, Clock clock, PublishingConfig config) {
        this.polls = polls;
        this.polling = new NetworkPolling<>(polls.cursors(), channels, new TokenRenewal<>(tokens, "LinkedIn",
                answer -> answer instanceof LinkedInComments.TokenRefused refused ? refused.reason() : null, linkedin::refresh),
                clock, config.linkedin().interval(), config.linkedin().lease(), "linkedin-comments",
                result -> metrics.polled("linkedin", result));
        this.deliveries = deliveries;
        this.linkedin = linkedin;
        this.clock = clock;
        this.window = config.linkedin().window();
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
        return polling.tick(this::sweep);
    }

    @WithSpan
    Uni<Void> sweep(PolledCursors.Cursor channel) {
        return polling.sweep(channel, sweep -> {
            Uni<Position> first = channel.pageToken() != null ? Uni.createFrom().item(Position.of(channel.pageToken()))
                    : nextPost(channel, null);
            return first.chain(position -> position == null
                    // No post within the window: a complete sweep that read nothing.
                    ? polls.seen().store(sweep, List.of(), List.of(), null).replaceWithVoid()
                    : page(sweep, position));
        });
    }

    private Uni<Position> nextPost(PolledCursors.Cursor channel, String after) {
        return deliveries.nextPublished(channel.channelId(), clock.instant().minus(window), after)
                .map(post -> post == null ? null : new Position(post, 0));
    }

    private Uni<Void> page(Sweep<LinkedInComments.Answer> sweep, Position position) {
        PolledCursors.Cursor channel = sweep.channel();
        return list(sweep, position.post(), position.start()).chain(page -> {
            Uni<Position> next = !page.comments().isEmpty() && position.start() + page.comments().size() < page.total()
                    ? Uni.createFrom().item(new Position(position.post(), position.start() + page.comments().size()))
                    : nextPost(channel, position.post());
            return replies(sweep, page.comments()).chain(replies -> {
                List<LinkedInComments.Comment> all = new ArrayList<>(page.comments());
                all.addAll(replies);
                return polls.seen().known(channel.channelId(), all.stream().map(LinkedInComments.Comment::urn).toList())
                        .map(known -> collect(channel, position.post(), all, known));
            }).chain(collected -> next.chain(then -> polls.seen().store(sweep, collected.seen, collected.announced,
                            then == null ? null : then.pageToken())
                    .chain(stored -> stored && then != null ? page(sweep, then) : Uni.createFrom().voidItem())));
        });
    }

    /** Every reply of the comments that have some, page after page. */
    private Uni<List<LinkedInComments.Comment>> replies(Sweep<LinkedInComments.Answer> sweep, List<LinkedInComments.Comment> comments) {
        return Multi.createFrom().iterable(comments.stream().filter(comment -> comment.replyCount() > 0).toList())
                .onItem().transformToUniAndConcatenate(comment -> repliesOf(sweep, comment.urn(), 0, new ArrayList<>()))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<LinkedInComments.Comment>> repliesOf(Sweep<LinkedInComments.Answer> sweep, String comment, int start,
                                                           List<LinkedInComments.Comment> found) {
        return list(sweep, comment, start).chain(page -> {
            found.addAll(page.comments());
            int read = start + page.comments().size();
            return page.comments().isEmpty() || read >= page.total() ? Uni.createFrom().item(found)
                    : repliesOf(sweep, comment, read, found);
        });
    }

    /** One list call, the token renewed once if LinkedIn refuses it; a deleted post or comment lists nothing. */
    private Uni<LinkedInComments.Page> list(Sweep<LinkedInComments.Answer> sweep, String urn, int start) {
        return sweep.read(current -> linkedin.comments(current, urn, start, pageSize)).map(answer -> {
            if (answer instanceof LinkedInComments.Page page) {
                return page;
            }
            if (answer instanceof LinkedInComments.Gone) {
                return new LinkedInComments.Page(List.of(), 0);
            }
            if (answer instanceof LinkedInComments.Later later) {
                throw polling.later(later.after(), later.reason());
            }
            throw polling.refused(((LinkedInComments.Refused) answer).reason());
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
