package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn Community Management API, the comments on the brand's posts, read as {@link LinkedInAdapter} writes them
 * (the versioned {@code /rest} API, {@code LinkedIn-Version} and {@code X-Restli-Protocol-Version: 2.0.0}):
 * {@code GET /rest/socialActions/{post URN}/comments?start=&count=} gives a post's top-level comments, the same on a
 * comment URN its replies; {@code paging.total} says how many there are. An element carries its URN
 * ({@code $URN} or {@code commentUrn}), {@code actor} (a person or organization URN: LinkedIn gives no name without
 * the restricted profile APIs), {@code object} (the post), {@code message.text}, {@code created.time} and
 * {@code lastModified.time} (epoch milliseconds), {@code parentComment} for a reply and
 * {@code commentsSummary.totalFirstLevelComments} (its replies). Errors: 401 ({@code INVALID_ACCESS_TOKEN},
 * {@code REVOKED_ACCESS_TOKEN}), 429 (the application's or member's daily throttle, usually without Retry-After),
 * 404 (the post or comment was deleted), 5xx.
 */
@ApplicationScoped
public class LinkedInComments {

    /** A comment as LinkedIn gives it; parentUrn null for a top-level comment, whose replyCount is its replies'. */
    public record Comment(String urn, String postUrn, String parentUrn, String actor, String text, Instant createdAt,
                          Instant updatedAt, int replyCount) {
    }

    /** What a list call gave. */
    public sealed interface Answer {
    }

    /** One page of comments from {@code start}, and how many the post (or comment) has in all. */
    public record Page(List<Comment> comments, int total) implements Answer {
    }

    /** 401: renew the token, else the channel needs reconnecting. */
    public record TokenRefused(String reason) implements Answer {
    }

    /** 429, 5xx, a network error: later ({@code after}: the Retry-After, null if none). */
    public record Later(Duration after, String reason) implements Answer {
    }

    /** 404: the post or comment is not on LinkedIn any more. */
    public record Gone(String reason) implements Answer {
    }

    /** Any other refusal (403 without the Community Management permission, 400): LinkedIn's message. */
    public record Refused(String reason) implements Answer {
    }

    private final NetworkHttp http;
    private final LinkedInAdapter adapter;

    public LinkedInComments(NetworkHttp http, LinkedInAdapter adapter) {
        this.http = http;
        this.adapter = adapter;
    }

    /** Up to {@code count} comments on {@code urn} (a post's top-level ones, or a comment's replies) from {@code start}. */
    public Uni<Answer> comments(Account account, String urn, int start, int count) {
        return http.send(adapter.rest(account, "/rest/socialActions/" + URLEncoder.encode(urn, StandardCharsets.UTF_8)
                        + "/comments?start=" + start + "&count=" + count).GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200) {
                        return page(answer);
                    }
                    String reason = response.statusCode() + " " + (answer.hasNonNull("code") ? answer.path("code").asText() + ": " : "")
                            + answer.path("message").asText("HTTP " + response.statusCode());
                    if (response.statusCode() == 401) {
                        return new TokenRefused(reason);
                    }
                    if (response.statusCode() == 404) {
                        return new Gone(reason);
                    }
                    if (response.statusCode() == 429 || response.statusCode() >= 500) {
                        return new Later(HttpAnswers.retryAfter(response, null, response.receivedAt()), reason);
                    }
                    return (Answer) new Refused(reason);
                })
                .onFailure().recoverWithItem(failure -> {
                    Outcome outcome = NetworkHttp.unreachable(failure);
                    return outcome instanceof Outcome.Retry retry ? new Later(retry.after(), retry.reason())
                            : new Refused(outcome instanceof Outcome.Permanent permanent ? permanent.reason() : failure.toString());
                });
    }

    /** New tokens from the refresh token, as the adapter renews them; null when the channel has none. */
    public Uni<ChannelCredentials> refresh(Account account) {
        return adapter.refresh(account);
    }

    private static Page page(JsonNode answer) {
        List<Comment> comments = new ArrayList<>();
        for (JsonNode element : answer.path("elements")) {
            String urn = element.hasNonNull("$URN") ? element.path("$URN").asText() : element.path("commentUrn").asText();
            Instant created = Instant.ofEpochMilli(element.path("created").path("time").asLong());
            Instant modified = element.path("lastModified").hasNonNull("time")
                    ? Instant.ofEpochMilli(element.path("lastModified").path("time").asLong()) : created;
            JsonNode summary = element.path("commentsSummary");
            comments.add(new Comment(urn, element.path("object").asText(null), element.path("parentComment").asText(null),
                    element.path("actor").asText(null), element.path("message").path("text").asText(""), created, modified,
                    summary.path("totalFirstLevelComments").asInt(summary.path("aggregatedTotalComments").asInt(0))));
        }
        return new Page(comments, answer.path("paging").path("total").asInt(comments.size()));
    }
}
