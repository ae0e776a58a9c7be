package io.tribu.publishing.comment;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.XAdapter;
import io.tribu.publishing.network.XTimeline;
import io.tribu.publishing.poll.NetworkPolling;
import io.tribu.publishing.poll.PolledCursors;
import io.tribu.publishing.poll.Sweep;
import io.tribu.publishing.poll.TokenRenewal;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the replies to the brands' own posts on X and announces each once with
 * {@code tribu.publishing.comment.collected.v1} ({@code network: x}, the brand's post that began the conversation as
 * {@code videoId}, the thread).
 * <p>
 * Why the mentions timeline and not {@code search/recent} with {@code conversation_id:}: one read a page covers every
 * conversation of the account (search needs a query per post, or long OR-ed queries, against a smaller rate limit),
 * and it is not bound to search's 7-day window: a reply to an older post still comes in. A reply on X starts with the
 * handle of whom it answers, so the replies to the brand's posts are among its mentions; a reply that drops that
 * handle further down a thread is not (known limit). Mentions that are not replies in a conversation the brand's
 * account began are ignored: the first post of each new conversation is looked up once ({@code GET /2/tweets?ids=}).
 * <p>
 * A sweep asks for the mentions newer than {@code since_id} (the first one, for {@code tribu.x-replies.lookback}),
 * newest first, page by page ({@code pagination_token}, at most {@code tribu.x-replies.max-pages}). Each page is
 * stored with its events and the next page's token in one transaction ({@link XReplyPolls}); once the last page is
 * stored, the sweep's newest id becomes {@code since_id}. A replica that stops mid-sweep leaves the cursor at the first
 * page not stored; a post already announced is never announced again. A refused token is renewed once
 * ({@link TokenRenewal}), else the channel is failing until new credentials; a 429 waits for
 * {@code x-rate-limit-reset}; 5xx for {@code Retry-After} or the interval.
 */
@ApplicationScoped
public class XReplyPoller {

    private static final String NETWORK = "x";
    private static final String RATE_LIMITED = "rate-limited";

    private final XReplyPolls polls;
    private final NetworkPolling<XTimeline.Answer> polling;
    private final XTimeline timeline;
    private final Clock clock;
    private final Duration lookback;
    private final int maxPages;

    public XReplyPoller(XReplyPolls polls, ChannelService channels, TokenRefresh tokens, XTimeline timeline, XAdapter x, Clock clock,
                        PublishingConfig config, CommentPollMetrics metrics) {
        this.polls = polls;
        this.polling = new NetworkPolling<>(polls.cursors(), channels, new TokenRenewal<>(tokens, "X",
                answer -> answer instanceof XTimeline.TokenRefused refused ? refused.reason() : null, x::refresh),
                clock, config.xReplies().interval(), config.xReplies().lease(), "x-replies", result -> metrics.polled(NETWORK, result));
        this.timeline = timeline;
        this.clock = clock;
        this.lookback = config.xReplies().lookback();
        this.maxPages = config.xReplies().maxPages();
    }

    @Scheduled(every = "${tribu.x-replies.tick}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return polling.tick(this::sweep);
    }

    @WithSpan
    Uni<Void> sweep(PolledCursors.Cursor channel) {
        return polling.sweep(channel, sweep -> polls.since(channel.channelId())
                .chain(since -> since.userId() != null ? Uni.createFrom().item(since)
                        : read(sweep, timeline::me).chain(me -> {
                            String userId = ((XTimeline.Me) me).userId();
                            return polls.userId(sweep.owner(), channel.channelId(), userId)
                                    .replaceWith(new XReplyPolls.Since(userId, since.sinceId(), since.sweepNewestId()));
                        }))
                .chain(since -> page(sweep, since, channel.pageToken(), 1)));
    }

    private Uni<Void> page(Sweep<XTimeline.Answer> sweep, XReplyPolls.Since since, String pageToken, int pageNumber) {
        PolledCursors.Cursor channel = sweep.channel();
        Instant startTime = since.sinceId() == null ? sweep.started().minus(lookback) : null;
        return read(sweep, current -> timeline.mentions(current, since.userId(), since.sinceId(), startTime, pageToken)).chain(answer -> {
            XTimeline.Page page = (XTimeline.Page) answer;
            // The sweep's newest post is its first page's: since_id once the sweep is complete.
            String newest = pageToken == null ? page.newestId() : since.sweepNewestId();
            XReplyPolls.Since going = new XReplyPolls.Since(since.userId(), since.sinceId(), newest);
            boolean last = page.nextToken() == null;
            List<XTimeline.Post> replies = page.posts().stream()
                    .filter(post -> post.conversationId() != null && !post.conversationId().equals(post.id())).toList();
            return ownConversations(sweep, since.userId(), replies)
                    .chain(own -> polls.announced(channel.channelId(), replies.stream().map(XTimeline.Post::id).toList())
                            .map(known -> collect(channel, since.userId(), page, replies, own.own(), known))
                            .chain(announced -> polls.store(sweep, newest, own.looked(), announced, last ? null : page.nextToken())))
                    .chain(stored -> {
                        if (!stored || last) {
                            return Uni.createFrom().voidItem();
                        }
                        if (pageNumber >= maxPages) {
                            throw new PolledCursors.Stop(sweep.nextPoll(), "page-limit", false, false, "read "
                                    + maxPages + " pages of mentions (tribu.x-replies.max-pages); the sweep goes on from there next time");
                        }
                        return page(sweep, going, page.nextToken(), pageNumber + 1);
                    });
        });
    }

    /** Which conversations the account began: {@code own} all of the page's, {@code looked} those just looked up. */
    private record Conversations(Map<String, Boolean> own, Map<String, Boolean> looked) {
    }

    private Uni<Conversations> ownConversations(Sweep<XTimeline.Answer> sweep, String userId, List<XTimeline.Post> replies) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(replies.stream().map(XTimeline.Post::conversationId).toList()));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Conversations(Map.of(), Map.of()));
        }
        return polls.conversations(sweep.channel().channelId(), ids).chain(known -> {
            List<String> unknown = ids.stream().filter(id -> !known.containsKey(id)).toList();
            if (unknown.isEmpty()) {
                return Uni.createFrom().item(new Conversations(known, Map.of()));
            }
            // A page holds at most 100 posts, so at most 100 conversations: one lookup.
            return read(sweep, current -> timeline.authors(current, unknown)).map(answer -> {
                Map<String, String> authors = ((XTimeline.Authors) answer).byPostId();
                Map<String, Boolean> looked = new HashMap<>();
                Map<String, Boolean> own = new HashMap<>(known);
                for (String id : unknown) {
                    // A first post X no longer has (deleted: resource-not-found) is nobody's conversation to answer in.
                    looked.put(id, authors.containsKey(id) && authors.get(id).equals(userId));
                }
                own.putAll(looked);
                return new Conversations(own, looked);
            });
        });
    }

    /** One read of X, the token renewed once if refused; any other answer than data stops the sweep. */
    private Uni<XTimeline.Answer> read(Sweep<XTimeline.Answer> sweep, Function<Account, Uni<XTimeline.Answer>> call) {
        return sweep.read(call).map(answer -> {
            if (answer instanceof XTimeline.RateLimited limited) {
                // X's window reopens at its reset: no failure, the calls were right.
                throw new PolledCursors.Stop(limited.until() != null ? limited.until() : sweep.nextPoll(), RATE_LIMITED, false, false,
                        limited.reason() + " (X's rate limit; read again when its window reopens)");
            }
            if (answer instanceof XTimeline.Later later) {
                throw polling.later(later.after(), later.reason());
            }
            if (answer instanceof XTimeline.Refused refused) {
                throw polling.refused(refused.reason());
            }
            return answer;
        });
    }

    /** The page's replies in the brand's conversations not announced yet, as events. */
    private List<CommentCollected> collect(PolledCursors.Cursor channel, String userId, XTimeline.Page page, List<XTimeline.Post> replies,
                                           Map<String, Boolean> own, Set<String> known) {
        Instant now = clock.instant();
        List<CommentCollected> announced = new ArrayList<>();
        for (XTimeline.Post post : replies) {
            if (!Boolean.TRUE.equals(own.get(post.conversationId())) || known.contains(post.id())) {
                continue;
            }
            String username = page.users().get(post.authorId());
            // A reply to the brand's post itself is a comment on it; a reply to a reply answers that one.
            String parentId = post.repliedTo() == null || post.repliedTo().equals(post.conversationId()) ? null : post.repliedTo();
            announced.add(new CommentCollected(CommentCollected.NEW, channel.channelId(), channel.brandId(), NETWORK, channel.handle(),
                    post.id(), parentId, post.conversationId(),
                    new CommentCollected.Author(username == null ? post.authorId() : "@" + username, post.authorId()), post.text(),
                    "https://x.com/" + (username == null ? "i/web" : username) + "/status/" + post.id(),
                    userId.equals(post.authorId()), post.createdAt(), post.createdAt(), now));
        }
        return announced;
    }
}
