package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What publishing reads of X (API v2) to bring the replies to a brand's posts into the inbox, with the channel's
 * OAuth 2.0 user token (scopes {@code tweet.read users.read}): the account's id ({@code GET /2/users/me}), its
 * mentions timeline ({@code GET /2/users/:id/mentions}, newest first, {@code since_id} or {@code start_time},
 * {@code pagination_token} towards older posts, {@code meta.newest_id} and {@code meta.next_token}) and the first
 * post of conversations ({@code GET /2/tweets?ids=}, up to 100: their author says whose conversation it is; a deleted
 * one comes back in {@code errors[]} as {@code resource-not-found}). Errors: 401 {@code {"title":"Unauthorized"}},
 * 429 with {@code x-rate-limit-reset} (the epoch second the window reopens), 5xx later, other 4xx refused.
 */
@ApplicationScoped
public class XTimeline {

    /** A post of the timeline: {@code repliedTo} the post it answers (null: it answers none). */
    public record Post(String id, String text, String authorId, String conversationId, String repliedTo, Instant createdAt) {
    }

    /** What a read gave. */
    public sealed interface Answer {
    }

    /** A page of mentions, newest first; {@code users}: author id → username; {@code nextToken} null on the last page. */
    public record Page(List<Post> posts, Map<String, String> users, String newestId, String nextToken) implements Answer {
    }

    /** The first posts of conversations: their author by post id; deleted ones are absent. */
    public record Authors(Map<String, String> byPostId) implements Answer {
    }

    /** The account's id. */
    public record Me(String userId) implements Answer {
    }

    /** X refused the token (401): renew it, else the channel needs reconnecting. */
    public record TokenRefused(String reason) implements Answer {
    }

    /** 429: nothing before {@code until} (x-rate-limit-reset; null when X gave none). */
    public record RateLimited(Instant until, String reason) implements Answer {
    }

    /** 5xx or a network error: later ({@code after}: Retry-After, null if none). */
    public record Later(Duration after, String reason) implements Answer {
    }

    /** Any other refusal (403 a suspended account, 400 a pagination token X no longer knows): X's words. */
    public record Refused(String reason) implements Answer {
    }

    private static final String FIELDS = "tweet.fields=author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets";

    private final NetworkHttp http;

    public XTimeline(NetworkHttp http) {
        this.http = http;
    }

    public Uni<Answer> me(Account account) {
        return get(account, "/2/users/me", answer -> new Me(answer.path("data").path("id").asText()));
    }

    /**
     * A page of the account's mentions: newer than {@code sinceId} when given, else since {@code startTime};
     * {@code paginationToken} null for the first (newest) page.
     */
    public Uni<Answer> mentions(Account account, String userId, String sinceId, Instant startTime, String paginationToken) {
        StringBuilder path = new StringBuilder("/2/users/").append(encoded(userId)).append("/mentions?max_results=100&")
                .append(FIELDS).append("&expansions=author_id&user.fields=username");
        if (sinceId != null) {
            path.append("&since_id=").append(encoded(sinceId));
        } else if (startTime != null) {
            path.append("&start_time=").append(encoded(startTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        }
        if (paginationToken != null) {
            path.append("&pagination_token=").append(encoded(paginationToken));
        }
        return get(account, path.toString(), XTimeline::page);
    }

    /** The authors of these posts (conversations' first posts), at most 100. */
    public Uni<Answer> authors(Account account, List<String> postIds) {
        return get(account, "/2/tweets?ids=" + encoded(String.join(",", postIds)) + "&tweet.fields=author_id", answer -> {
            Map<String, String> authors = new HashMap<>();
            answer.path("data").forEach(post -> authors.put(post.path("id").asText(), post.path("author_id").asText()));
            return new Authors(authors);
        });
    }

    private Uni<Answer> get(Account account, String path, java.util.function.Function<JsonNode, Answer> read) {
        return http.send(http.request(account.baseUrl() + path).header("Authorization", "Bearer " + account.credentials().accessToken())
                        .GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200) {
                        return read.apply(answer);
                    }
                    String reason = XAdapter.reason(answer, response);
                    if (response.statusCode() == 401) {
                        return new TokenRefused(reason);
                    }
                    if (response.statusCode() == 429) {
                        Duration wait = HttpAnswers.retryAfter(response, XAdapter.RESET_HEADER, response.receivedAt());
                        return new RateLimited(wait == null ? null : response.receivedAt().plus(wait), "429 " + reason);
                    }
                    if (response.statusCode() >= 500) {
                        return new Later(HttpAnswers.retryAfter(response, null, response.receivedAt()), response.statusCode() + " " + reason);
                    }
                    return (Answer) new Refused(response.statusCode() + " " + reason);
                })
                .onFailure().recoverWithItem(failure -> {
                    Outcome outcome = NetworkHttp.unreachable(failure);
                    return outcome instanceof Outcome.Retry retry ? new Later(retry.after(), retry.reason())
                            : new Refused(outcome instanceof Outcome.Permanent permanent ? permanent.reason() : failure.toString());
                });
    }

    private static Page page(JsonNode answer) {
        List<Post> posts = new ArrayList<>();
        for (JsonNode post : answer.path("data")) {
            String repliedTo = null;
            for (JsonNode referenced : post.path("referenced_tweets")) {
                if ("replied_to".equals(referenced.path("type").asText())) {
                    repliedTo = referenced.path("id").asText();
                }
            }
            posts.add(new Post(post.path("id").asText(), post.path("text").asText(""), post.path("author_id").asText(null),
                    post.path("conversation_id").asText(null), repliedTo, Instant.parse(post.path("created_at").asText())));
        }
        Map<String, String> users = new HashMap<>();
        answer.path("includes").path("users").forEach(user -> users.put(user.path("id").asText(), user.path("username").asText()));
        JsonNode meta = answer.path("meta");
        return new Page(posts, users, meta.path("newest_id").asText(null), meta.path("next_token").asText(null));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
