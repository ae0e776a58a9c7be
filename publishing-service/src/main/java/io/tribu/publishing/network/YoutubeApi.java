package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.config.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * YouTube Data API v3, the comments on the channel's videos. Each list call costs one quota unit:
 * {@code GET /youtube/v3/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=<channel>&order=time} (top-level
 * comments, newest thread first, {@code nextPageToken} to go on; {@code replies.comments}: up to five of each thread's
 * replies, at no extra cost) and {@code GET /youtube/v3/comments?part=snippet
 * &parentId=<thread>} (a thread's replies). The channel's handle is its channel id ({@code UC…}); its token is an
 * OAuth 2.0 access token of Google's (scope {@code youtube.force-ssl}), renewed with the refresh token at
 * {@code POST https://oauth2.googleapis.com/token} (client id and secret in the form). Errors are Google's JSON
 * body {@code {"error": {"code", "message", "errors": [{"reason", "domain"}]}}}: 401 {@code authError} (token invalid
 * or revoked), 403 {@code quotaExceeded} (the project's daily units are spent), 429 and 5xx later.
 * <p>
 * Writes, 50 units each: {@code POST /youtube/v3/comments?part=snippet} with {@code {"snippet": {"parentId",
 * "textOriginal"}}} (a reply in a thread: 200 and the new comment), {@code POST /youtube/v3/comments/setModerationStatus
 * ?id=&moderationStatus=heldForReview|published|rejected} and {@code DELETE /youtube/v3/comments?id=} (204). A comment
 * that is not there any more is 404 ({@code commentNotFound}, {@code parentCommentNotFound}); deleting a comment the
 * channel did not write is 403 {@code forbidden} (only its author may).
 */
@ApplicationScoped
public class YoutubeApi {

    /** A comment as the API gives it; parentId null for a top-level comment, whose replyCount is the thread's. */
    public record Comment(String id, String videoId, String parentId, String authorName, String authorChannelId, String text,
                          Instant publishedAt, Instant updatedAt, int replyCount) {
    }

    /** What a list call gave. */
    public sealed interface Answer {
    }

    /**
     * One page of comments, and the token of the next (null on the last page); {@code inlineReplies}: the replies a
     * thread list gave with each thread (at most five a thread, not always all of them), by thread id.
     */
    public record Page(List<Comment> comments, String nextPageToken, java.util.Map<String, List<Comment>> inlineReplies) implements Answer {
    }

    /** Google refused the token (401): renew it, else the channel needs reconnecting. */
    public record TokenRefused(String reason) implements Answer {
    }

    /** The API project's daily quota is spent (403 quotaExceeded): nothing more until Pacific midnight. */
    public record QuotaExceeded(String reason) implements Answer {
    }

    /** 429, 5xx, a network error: later ({@code after}: the Retry-After, null if none). */
    public record Later(Duration after, String reason) implements Answer {
    }

    /** Any other refusal (403 commentsDisabled, 404 channelNotFound, 400): the reason as Google gives it. */
    public record Refused(String reason) implements Answer {
    }

    /** A write YouTube took: the comment written (a reply's new id, else the id acted on). */
    public record Written(String commentId) implements Answer {
    }

    /** A write on a comment (or a reply to one) that is not on YouTube any more: 404. */
    public record Gone(String reason) implements Answer {
    }

    /** 403 {@code forbidden}: the channel may not do this to that comment (delete another author's). */
    public record Forbidden(String reason) implements Answer {
    }

    private final NetworkHttp http;
    private final String oauthUrl;

    public YoutubeApi(NetworkHttp http, PublishingConfig config) {
        this.http = http;
        this.oauthUrl = config.networks().googleOauthUrl().replaceAll("/$", "");
    }

    /** One page of the channel's comment threads, newest first; pageToken null for the first. */
    public Uni<Answer> threads(Account account, String pageToken) {
        return list(account, "/youtube/v3/commentThreads?part=snippet,replies&maxResults=100&order=time&textFormat=plainText"
                + "&allThreadsRelatedToChannelId=" + encoded(account.handle()), pageToken);
    }

    /** One page of a thread's replies; pageToken null for the first. */
    public Uni<Answer> replies(Account account, String parentId, String pageToken) {
        return list(account, "/youtube/v3/comments?part=snippet&maxResults=100&textFormat=plainText&parentId=" + encoded(parentId),
                pageToken);
    }

    /** New tokens from the refresh token; fails with {@link RefreshRefused} (invalid_grant: revoked or expired). */
    public Uni<ChannelCredentials> refresh(Account account) {
        if (!account.credentials().refreshable()) {
            return Uni.createFrom().nullItem();
        }
        return OAuthRefresh.refresh(http, oauthUrl + "/token", account.credentials(), true);
    }

    /** A reply in the thread of the top-level comment {@code parentId}. */
    public Uni<Answer> reply(Account account, String parentId, String text) {
        java.util.Map<String, Object> snippet = java.util.Map.of("parentId", parentId, "textOriginal", text);
        return write(authorized(account, "/youtube/v3/comments?part=snippet").header("Content-Type", "application/json")
                .POST(http.jsonBody(java.util.Map.of("snippet", snippet))).build(), parentId);
    }

    /** {@code heldForReview}, {@code published} or {@code rejected}. */
    public Uni<Answer> moderate(Account account, String commentId, String status) {
        return write(authorized(account, "/youtube/v3/comments/setModerationStatus?id=" + encoded(commentId) + "&moderationStatus="
                + encoded(status)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), commentId);
    }

    public Uni<Answer> delete(Account account, String commentId) {
        return write(authorized(account, "/youtube/v3/comments?id=" + encoded(commentId)).DELETE().build(), commentId);
    }

    private java.net.http.HttpRequest.Builder authorized(Account account, String path) {
        return http.request(account.baseUrl() + path).header("Authorization", "Bearer " + account.credentials().accessToken());
    }

    private Uni<Answer> write(java.net.http.HttpRequest request, String commentId) {
        return answer(http.send(request).map(response -> {
            if (response.statusCode() == 200 || response.statusCode() == 204) {
                return response.statusCode() == 200 ? new Written(http.read(response).path("id").asText(commentId)) : new Written(commentId);
            }
            JsonNode error = http.read(response).path("error");
            String reason = error.path("errors").path(0).path("reason").asText("");
            if (response.statusCode() == 404) {
                return new Gone((reason.isEmpty() ? "" : reason + ": ") + error.path("message").asText("HTTP 404"));
            }
            if (response.statusCode() == 403 && "forbidden".equals(reason)) {
                return new Forbidden(reason + ": " + error.path("message").asText(""));
            }
            return failure(response, error);
        }));
    }

    private Uni<Answer> list(Account account, String path, String pageToken) {
        String url = account.baseUrl() + path + (pageToken == null ? "" : "&pageToken=" + encoded(pageToken));
        return answer(http.send(http.request(url).header("Authorization", "Bearer " + account.credentials().accessToken()).GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    return response.statusCode() == 200 ? page(answer) : failure(response, answer.path("error"));
                }));
    }

    /** Google's error body, reduced to what a caller decides on. */
    private static Answer failure(ReceivedResponse response, JsonNode error) {
        String reason = error.path("errors").path(0).path("reason").asText("");
        String message = error.path("message").asText("HTTP " + response.statusCode());
        if (response.statusCode() == 401) {
            return new TokenRefused(message);
        }
        if ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason)) {
            return new QuotaExceeded(reason + ": " + message);
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500 || "rateLimitExceeded".equals(reason)) {
            return new Later(HttpAnswers.retryAfter(response, null, response.receivedAt()),
                    response.statusCode() + " " + message);
        }
        return new Refused((reason.isEmpty() ? "" : reason + ": ") + message);
    }

    private static Uni<Answer> answer(Uni<Answer> call) {
        return call.onFailure().recoverWithItem(failure -> {
            Outcome outcome = NetworkHttp.unreachable(failure);
            return outcome instanceof Outcome.Retry retry ? new Later(retry.after(), retry.reason())
                    : new Refused(outcome instanceof Outcome.Permanent permanent ? permanent.reason() : failure.toString());
        });
    }

    /** A commentThreadListResponse (items are threads holding their top-level comment) or a commentListResponse. */
    private static Page page(JsonNode answer) {
        List<Comment> comments = new ArrayList<>();
        java.util.Map<String, List<Comment>> inline = new java.util.HashMap<>();
        for (JsonNode item : answer.path("items")) {
            if ("youtube#commentThread".equals(item.path("kind").asText())) {
                JsonNode top = item.path("snippet").path("topLevelComment");
                String videoId = item.path("snippet").path("videoId").asText(null);
                comments.add(comment(top, videoId, item.path("snippet").path("totalReplyCount").asInt(0)));
                List<Comment> replies = new ArrayList<>();
                item.path("replies").path("comments").forEach(reply -> replies.add(comment(reply, videoId, 0)));
                inline.put(item.path("id").asText(), replies);
            } else {
                comments.add(comment(item, item.path("snippet").path("videoId").asText(null), 0));
            }
        }
        return new Page(comments, answer.path("nextPageToken").asText(null), inline);
    }

    private static Comment comment(JsonNode comment, String videoId, int replyCount) {
        JsonNode snippet = comment.path("snippet");
        Instant published = Instant.parse(snippet.path("publishedAt").asText());
        return new Comment(comment.path("id").asText(), snippet.path("videoId").asText(videoId), snippet.path("parentId").asText(null),
                snippet.path("authorDisplayName").asText(""), snippet.path("authorChannelId").path("value").asText(null),
                snippet.path("textOriginal").asText(snippet.path("textDisplay").asText("")), published,
                snippet.hasNonNull("updatedAt") ? Instant.parse(snippet.path("updatedAt").asText()) : published, replyCount);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
