package io.tribu.publishing.comment;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.YoutubeApi;
import io.tribu.publishing.poll.NetworkPolling;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.tribu.publishing.poll.TokenRenewal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the comments and replies on the videos of the brands' YouTube channels and announces each new or edited one
 * with {@code tribu.publishing.comment.collected.v1}.
 * <p>
 * A sweep walks the channel's comment threads newest first, page by page, and ends at the last page or at the first
 * page whose threads all began before the previous sweep's start less {@code tribu.youtube.lookback} (threads that
 * young are read again: their edits and new replies are found). A thread whose reply count changed has its replies
 * read too. Each page is stored with its events and the next page's token in one transaction ({@link CommentPolls}):
 * a replica that stops mid-sweep leaves the cursor at the first page not stored, and whichever replica takes the
 * channel next goes on from there; a comment already announced with the same {@code updatedAt} is never announced
 * again. Every list call first takes one unit of the channel's {@code tribu.youtube.daily-units} for the day (YouTube's
 * quota day, Pacific time): a spent budget, or Google's own {@code quotaExceeded}, stops the channel until the next
 * Pacific midnight, the cursor kept. A refused token is renewed with the refresh token once, else recorded as the
 * poll's last error until the channel gets new credentials.
 */
@ApplicationScoped
public class CommentPoller {

    /** YouTube's quota day starts at midnight Pacific time. */
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final String QUOTA = "quota";

    private final CommentPolls polls;
    private final NetworkPolling<YoutubeApi.Answer> polling;
    private final YoutubeApi youtube;
    private final Clock clock;
    private final Duration lookback;
    private final int dailyUnits;

    public CommentPoller(CommentPolls polls, ChannelService channels, TokenRefresh tokens, YoutubeApi youtube, Clock clock,
                         PublishingConfig config, CommentPollMetrics metrics) {
        this.polls = polls;
        this.polling = new NetworkPolling<>(polls.cursors(), channels, new TokenRenewal<>(tokens, "YouTube",
                answer -> answer instanceof YoutubeApi.TokenRefused refused ? refused.reason() : null, youtube::refresh),
                clock, config.youtube().interval(), config.youtube().lease(), "comments", result -> metrics.polled("youtube", result));
        this.youtube = youtube;
        this.clock = clock;
        this.lookback = config.youtube().lookback();
        this.dailyUnits = config.youtube().dailyUnits();
    }

    @Scheduled(every = "${tribu.youtube.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return polling.tick(this::sweep);
    }

    @WithSpan
    Uni<Void> sweep(PolledCursors.Cursor channel) {
        return polling.sweep(channel, sweep -> page(sweep, channel.pageToken()));
    }

    private Uni<Void> page(Sweep<YoutubeApi.Answer> sweep, String pageToken) {
        PolledCursors.Cursor channel = sweep.channel();
        return call(sweep, current -> youtube.threads(current, pageToken)).chain(threads -> {
            Instant cutoff = (channel.watermark() != null ? channel.watermark() : sweep.started()).minus(lookback);
            boolean last = threads.nextPageToken() == null
                    || threads.comments().stream().allMatch(thread -> thread.publishedAt().isBefore(cutoff));
            return polls.seen().known(channel.channelId(), ids(threads.comments()))
                    .chain(knownThreads -> replies(sweep, threads, knownThreads, cutoff)
                            .chain(replies -> polls.seen().known(channel.channelId(), ids(replies)).map(knownReplies -> {
                                List<YoutubeApi.Comment> all = new ArrayList<>(threads.comments());
                                all.addAll(replies);
                                return collect(channel, all, knownThreads, knownReplies);
                            })))
                    .chain(collected -> polls.seen().store(sweep, collected.seen, collected.announced,
                            last ? null : threads.nextPageToken()))
                    .chain(stored -> stored && !last ? page(sweep, threads.nextPageToken()) : Uni.createFrom().voidItem());
        });
    }

    /**
     * The replies of the page's threads, found at the least cost: a thread whose replies all came with it (five at
     * most) needs no call; a longer one is read (every page of comments.list, a unit per 100 replies) when its reply
     * count is not the one stored, or while it began after {@code cutoff}: a reply edited there changes no count, and
     * only reading the thread again shows it.
     */
    private Uni<List<YoutubeApi.Comment>> replies(Sweep<YoutubeApi.Answer> sweep, YoutubeApi.Page threads,
                                                   Map<String, SeenComments.Known> known, Instant cutoff) {
        List<YoutubeApi.Comment> inline = new ArrayList<>();
        List<YoutubeApi.Comment> toRead = new ArrayList<>();
        for (YoutubeApi.Comment thread : threads.comments()) {
            List<YoutubeApi.Comment> given = threads.inlineReplies().getOrDefault(thread.id(), List.of());
            if (thread.replyCount() == 0) {
                continue;
            }
            if (given.size() >= thread.replyCount()) {
                inline.addAll(given);
            } else if (known.get(thread.id()) == null || known.get(thread.id()).replyCount() != thread.replyCount()
                    || !thread.publishedAt().isBefore(cutoff)) {
                toRead.add(thread);
            }
        }
        return Multi.createFrom().iterable(toRead)
                .onItem().transformToUniAndConcatenate(thread -> repliesOf(sweep, thread.id(), null, new ArrayList<>())
                        // A reply's resource names no video (comments.list): it is its thread's.
                        .map(replies -> replies.stream().map(reply -> reply.videoId() != null ? reply
                                : new YoutubeApi.Comment(reply.id(), thread.videoId(), reply.parentId(), reply.authorName(),
                                reply.authorChannelId(), reply.text(), reply.publishedAt(), reply.updatedAt(), reply.replyCount())).toList()))
                .collect().asList()
                .map(lists -> {
                    List<YoutubeApi.Comment> all = new ArrayList<>(inline);
                    lists.forEach(all::addAll);
                    return all;
                });
    }

    private Uni<List<YoutubeApi.Comment>> repliesOf(Sweep<YoutubeApi.Answer> sweep, String parentId, String pageToken,
                                                     List<YoutubeApi.Comment> found) {
        return call(sweep, current -> youtube.replies(current, parentId, pageToken)).chain(page -> {
            found.addAll(page.comments());
            return page.nextPageToken() == null ? Uni.createFrom().item(found)
                    : repliesOf(sweep, parentId, page.nextPageToken(), found);
        });
    }

    /** One list call: a unit of the day's budget first, the token renewed once if Google refuses it. */
    private Uni<YoutubeApi.Page> call(Sweep<YoutubeApi.Answer> sweep, Function<Account, Uni<YoutubeApi.Answer>> list) {
        return sweep.read(current -> spend(sweep).chain(() -> list.apply(current))).map(answer -> {
            if (answer instanceof YoutubeApi.Page page) {
                return page;
            }
            if (answer instanceof YoutubeApi.QuotaExceeded quota) {
                throw quotaSpent(clock.instant(), quota.reason());
            }
            if (answer instanceof YoutubeApi.Later later) {
                throw polling.later(later.after(), later.reason());
            }
            throw polling.refused(((YoutubeApi.Refused) answer).reason());
        });
    }

    private Uni<Void> spend(Sweep<YoutubeApi.Answer> sweep) {
        Instant now = clock.instant();
        return polls.spend(sweep.owner(), sweep.channel().channelId(), LocalDate.ofInstant(now, QUOTA_ZONE), dailyUnits).invoke(spent -> {
            if (!spent) {
                throw quotaSpent(now, "the channel's daily budget of " + dailyUnits
                        + " YouTube quota units is spent (tribu.youtube.daily-units)");
            }
        }).replaceWithVoid();
    }

    /** Stops until the next quota day; a spent quota day is no failure: the calls worked. */
    private static PolledCursors.Stop quotaSpent(Instant now, String reason) {
        return new PolledCursors.Stop(nextQuotaDay(now), QUOTA, false, false, reason);
    }

    static Instant nextQuotaDay(Instant now) {
        return LocalDate.ofInstant(now, QUOTA_ZONE).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
    }

    private record Collected(List<SeenComments.Seen> seen, List<CommentCollected> announced) {
    }

    /** Every comment read is stored; those never announced, or updated since, are announced. */
    private Collected collect(PolledCursors.Cursor channel, List<YoutubeApi.Comment> comments, Map<String, SeenComments.Known> threads,
                              Map<String, SeenComments.Known> replies) {
        Instant now = clock.instant();
        List<SeenComments.Seen> seen = new ArrayList<>();
        List<CommentCollected> announced = new ArrayList<>();
        for (YoutubeApi.Comment comment : comments) {
            SeenComments.Known known = comment.parentId() == null ? threads.get(comment.id()) : replies.get(comment.id());
            // A thread's replies are read whenever its count differs from the stored one: the count stored is read.
            seen.add(new SeenComments.Seen(comment.id(), comment.updatedAt(), comment.replyCount()));
            String change = SeenComments.change(known, comment.updatedAt());
            if (change != null) {
                announced.add(new CommentCollected(change, channel.channelId(), channel.brandId(), "youtube", channel.handle(),
                        comment.id(), comment.parentId(), comment.videoId(),
                        new CommentCollected.Author(comment.authorName(), comment.authorChannelId()), comment.text(),
                        comment.videoId() == null ? null : "https://www.youtube.com/watch?v=" + comment.videoId() + "&lc=" + comment.id(),
                        channel.handle().equals(comment.authorChannelId()), comment.publishedAt(), comment.updatedAt(), now));
            }
        }
        return new Collected(seen, announced);
    }

    private static List<String> ids(List<YoutubeApi.Comment> comments) {
        return comments.stream().map(YoutubeApi.Comment::id).toList();
    }
}
