package io.tribu.publishing.comment;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.Interaction;
import io.tribu.publishing.network.Outcome;
import io.tribu.publishing.network.YoutubeApi;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moderation's actions on a YouTube comment, carried out for the action worker with the brand's YouTube channel:
 * <ul>
 *   <li>hide: {@code setModerationStatus heldForReview} (out of public view, in the channel's "Held for review"
 *   queue); unhide: {@code published};</li>
 *   <li>delete: {@code comments.delete}; YouTube lets only a comment's author delete it (403 {@code forbidden}), so a
 *   viewer's comment is then {@code rejected} (removed from display, with its replies): two writes;</li>
 *   <li>reply: {@code comments.insert} in the comment's thread (a reply's id is {@code <thread id>.<reply id>}: a reply
 *   to a reply goes in the same thread). A repeated attempt (a crash, a timeout after the write) first lists the
 *   thread's replies and answers with the channel's reply of the same text if there is one.</li>
 * </ul>
 * Each write takes its real quota cost (50 units; a list 1) from the channel's day, the budget its polling spends
 * ({@code tribu.youtube.daily-units}) before the call: an action that does not fit, or that Google answers
 * {@code quotaExceeded}, waits for the next quota day (Pacific midnight) and is then tried again, as long as
 * {@code tribu.delivery.max-attempts} allow. A comment no longer on YouTube (404) is a delete done, and any other
 * action failed with that reason; a refused token is renewed once, else the action fails asking to reconnect.
 */
@ApplicationScoped
public class YoutubeActions {

    /** comments.insert, comments.setModerationStatus, comments.delete. */
    static final int WRITE_UNITS = 50;
    static final int LIST_UNITS = 1;
    private static final Pattern COMMENT_IN_URL = Pattern.compile("[?&]lc=([^&#]+)");
    private static final Pattern VIDEO_IN_URL = Pattern.compile("[?&]v=([^&#]+)");

    private final YoutubeApi youtube;
    private final CommentPolls polls;
    private final TokenRefresh tokens;
    private final Clock clock;
    private final int dailyUnits;

    public YoutubeActions(YoutubeApi youtube, CommentPolls polls, TokenRefresh tokens, Clock clock, PublishingConfig config) {
        this.youtube = youtube;
        this.polls = polls;
        this.tokens = tokens;
        this.clock = clock;
        this.dailyUnits = config.youtube().dailyUnits();
    }

    /** hide, unhide, delete or reply; {@code repeated}: an earlier attempt may have reached YouTube. */
    public Uni<Outcome> carryOut(Account account, String action, Interaction target, String text, boolean privately,
                                 boolean repeated) {
        String commentId = commentId(target);
        if (commentId == null) {
            return Uni.createFrom().item(new Outcome.Permanent("no YouTube comment id: neither the interaction's id nor an lc= in "
                    + target.url()));
        }
        return switch (action) {
            case "hide" -> written(account, api -> youtube.moderate(api, commentId, "heldForReview"), null);
            case "unhide" -> written(account, api -> youtube.moderate(api, commentId, "published"), null);
            case "delete" -> delete(account, commentId);
            case "reply" -> privately ? Uni.createFrom().item(new Outcome.Permanent("youtube has no private replies"))
                    : reply(account, commentId, text, target.url(), repeated);
            default -> Uni.createFrom().item(new Outcome.Permanent("unknown action " + action));
        };
    }

    private Uni<Outcome> delete(Account account, String commentId) {
        return call(account, WRITE_UNITS, api -> youtube.delete(api, commentId)).chain(answer -> {
            if (answer instanceof YoutubeApi.Forbidden) {
                // Not the channel's own comment: the channel owner's removal is rejecting it.
                return written(account, api -> youtube.moderate(api, commentId, "rejected"), null);
            }
            // Already gone: what a delete wants.
            return Uni.createFrom().item(answer instanceof YoutubeApi.Gone ? new Outcome.Published(null, null) : outcome(answer, null));
        });
    }

    private Uni<Outcome> reply(Account account, String commentId, String text, String targetUrl, boolean repeated) {
        String threadId = commentId.contains(".") ? commentId.substring(0, commentId.indexOf('.')) : commentId;
        Uni<Outcome> found = repeated ? earlierReply(account, threadId, text, null, targetUrl) : Uni.createFrom().nullItem();
        return found.chain(earlier -> earlier != null ? Uni.createFrom().item(earlier)
                : written(account, api -> youtube.reply(api, threadId, text), targetUrl));
    }

    /** The channel's reply of this text in the thread, from an attempt that reached YouTube; null: none. */
    private Uni<Outcome> earlierReply(Account account, String threadId, String text, String pageToken, String targetUrl) {
        return call(account, LIST_UNITS, api -> youtube.replies(api, threadId, pageToken)).chain(answer -> {
            if (!(answer instanceof YoutubeApi.Page page)) {
                // Not known whether it was written: nothing is written until YouTube can be read again.
                return Uni.createFrom().item(outcome(answer, targetUrl));
            }
            for (YoutubeApi.Comment reply : page.comments()) {
                if (account.handle().equals(reply.authorChannelId()) && text.equals(reply.text())) {
                    return Uni.createFrom().item(new Outcome.Published(reply.id(), url(targetUrl, reply.id())));
                }
            }
            return page.nextPageToken() == null ? Uni.createFrom().nullItem()
                    : earlierReply(account, threadId, text, page.nextPageToken(), targetUrl);
        });
    }

    private Uni<Outcome> written(Account account, Function<Account, Uni<YoutubeApi.Answer>> write, String targetUrl) {
        return call(account, WRITE_UNITS, write).map(answer -> outcome(answer, targetUrl));
    }

    /** The units first, then the call; a refused token is renewed once (the call charged again, as Google counts it). */
    private Uni<YoutubeApi.Answer> call(Account account, int units, Function<Account, Uni<YoutubeApi.Answer>> call) {
        return charged(account, units, call).chain(answer -> !(answer instanceof YoutubeApi.TokenRefused refused)
                ? Uni.createFrom().item(answer)
                : tokens.renewed(account, youtube::refresh).onFailure().recoverWithNull()
                .chain(renewed -> renewed == null ? Uni.createFrom().item(answer) : charged(renewed, units, call)));
    }

    private Uni<YoutubeApi.Answer> charged(Account account, int units, Function<Account, Uni<YoutubeApi.Answer>> call) {
        Instant now = clock.instant();
        return polls.charge(account.channelId(), LocalDate.ofInstant(now, CommentPoller.QUOTA_ZONE), units, dailyUnits, now)
                .chain(charged -> charged ? call.apply(account) : Uni.createFrom().item(new YoutubeApi.QuotaExceeded(
                        "the channel's daily budget of " + dailyUnits + " YouTube quota units (tribu.youtube.daily-units) has no "
                                + units + " units left")));
    }

    private Outcome outcome(YoutubeApi.Answer answer, String targetUrl) {
        Instant now = clock.instant();
        if (answer instanceof YoutubeApi.Written written) {
            return new Outcome.Published(targetUrl == null ? null : written.commentId(), url(targetUrl, written.commentId()));
        }
        if (answer instanceof YoutubeApi.QuotaExceeded quota) {
            Instant next = CommentPoller.nextQuotaDay(now);
            return new Outcome.Retry(Duration.between(now, next), quota.reason() + "; waits for the next quota day, " + next);
        }
        if (answer instanceof YoutubeApi.TokenRefused refused) {
            return new Outcome.AuthExpired(refused.reason());
        }
        if (answer instanceof YoutubeApi.Later later) {
            return new Outcome.Retry(later.after(), later.reason());
        }
        if (answer instanceof YoutubeApi.Gone gone) {
            return new Outcome.Permanent("the comment is no longer on YouTube (" + gone.reason() + ")");
        }
        if (answer instanceof YoutubeApi.Forbidden forbidden) {
            return new Outcome.Permanent("YouTube refused (" + forbidden.reason() + ")");
        }
        return new Outcome.Permanent("YouTube refused (" + ((YoutubeApi.Refused) answer).reason() + ")");
    }

    /** The comment acted on: the interaction's id, else the {@code lc} parameter of its watch URL. */
    static String commentId(Interaction target) {
        if (target.externalId() != null && !target.externalId().isBlank()) {
            return target.externalId();
        }
        Matcher lc = target.url() == null ? null : COMMENT_IN_URL.matcher(target.url());
        return lc != null && lc.find() ? lc.group(1) : null;
    }

    /** The watch URL of the video opened on that comment, as YouTube links a comment. */
    private static String url(String targetUrl, String commentId) {
        Matcher video = targetUrl == null ? null : VIDEO_IN_URL.matcher(targetUrl);
        return video != null && video.find() ? "https://www.youtube.com/watch?v=" + video.group(1) + "&lc=" + commentId : null;
    }
}
