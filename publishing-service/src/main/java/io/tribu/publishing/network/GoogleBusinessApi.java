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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Google Business Profile API v4, the reviews of one location: {@code GET /v4/accounts/{a}/locations/{l}/reviews
 * ?pageSize=50&orderBy=updateTime desc} (a ListReviewsResponse: {@code reviews[]} with {@code name}, {@code reviewId},
 * {@code reviewer.displayName}, {@code starRating} ONE..FIVE, {@code comment} (absent for a rating alone),
 * {@code createTime}, {@code updateTime}, {@code reviewReply {comment, updateTime}}; {@code nextPageToken} while more
 * remain). The channel's handle is the location's resource name; its token an OAuth 2.0 access token of Google's
 * (scope {@code business.manage}), renewed with the refresh token at the Google OAuth host as YouTube's. Errors are
 * Google's JSON body {@code {"error": {"code", "message", "status"}}}: 401 UNAUTHENTICATED (token invalid or revoked),
 * 429 RESOURCE_EXHAUSTED (the project's per-minute quota) and 5xx later, 404 NOT_FOUND (a location removed or not
 * the account's), 403 PERMISSION_DENIED.
 */
@ApplicationScoped
public class GoogleBusinessApi {

    /** A location's resource name: nothing else is ever put in a request's path. */
    public static final Pattern LOCATION = Pattern.compile("accounts/[0-9]{1,30}/locations/[0-9]{1,30}");
    private static final Map<String, Integer> STARS = Map.of("ONE", 1, "TWO", 2, "THREE", 3, "FOUR", 4, "FIVE", 5);

    /**
     * A review as the API gives it: {@code rating} 1 to 5 ({@code STAR_RATING_UNSPECIFIED}: 0), {@code text} empty for a
     * rating without comment, {@code reply} null while the business has not answered.
     */
    public record Review(String name, String reviewId, String reviewerName, boolean anonymous, int rating, String text,
                         Instant createTime, Instant updateTime, Reply reply) {
    }

    /** The business's public answer to a review. */
    public record Reply(String text, Instant updateTime) {
    }

    /** What a list call gave. */
    public sealed interface Answer {
    }

    /** One page of reviews, newest update first, and the token of the next (null on the last page). */
    public record Page(List<Review> reviews, String nextPageToken) implements Answer {
    }

    /** Google refused the token (401): renew it, else the channel needs reconnecting. */
    public record TokenRefused(String reason) implements Answer {
    }

    /** 429, 5xx, a network error: later ({@code after}: the Retry-After, null if none). */
    public record Later(Duration after, String reason) implements Answer {
    }

    /** Any other refusal (404 location not found, 403, 400): Google's status and message. */
    public record Refused(String reason) implements Answer {
    }

    private final NetworkHttp http;
    private final String oauthUrl;

    public GoogleBusinessApi(NetworkHttp http, PublishingConfig config) {
        this.http = http;
        this.oauthUrl = config.networks().googleOauthUrl().replaceAll("/$", "");
    }

    /** One page of the location's reviews, newest update first; pageToken null for the first. */
    public Uni<Answer> reviews(Account account, String pageToken) {
        if (!LOCATION.matcher(account.handle()).matches()) {
            return Uni.createFrom().item(new Refused("the channel's handle " + account.handle()
                    + " is not a location (accounts/{account}/locations/{location})"));
        }
        String url = account.baseUrl() + "/v4/" + account.handle() + "/reviews?pageSize=50&orderBy="
                + encoded("updateTime desc") + (pageToken == null ? "" : "&pageToken=" + encoded(pageToken));
        return http.send(http.request(url).header("Authorization", "Bearer " + account.credentials().accessToken()).GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200) {
                        return (Answer) page(answer);
                    }
                    JsonNode error = answer.path("error");
                    String reason = response.statusCode() + " " + error.path("status").asText("")
                            + ": " + error.path("message").asText("HTTP " + response.statusCode());
                    if (response.statusCode() == 401) {
                        return new TokenRefused(reason);
                    }
                    if (response.statusCode() == 429 || response.statusCode() >= 500) {
                        return new Later(HttpAnswers.retryAfter(response, null, response.receivedAt()), reason);
                    }
                    return new Refused(reason);
                })
                .onFailure().recoverWithItem(failure -> {
                    Outcome outcome = NetworkHttp.unreachable(failure);
                    return outcome instanceof Outcome.Retry retry ? new Later(retry.after(), retry.reason())
                            : new Refused(outcome instanceof Outcome.Permanent permanent ? permanent.reason() : failure.toString());
                });
    }

    /** New tokens from the refresh token; fails with {@link RefreshRefused} (invalid_grant: revoked or expired). */
    public Uni<ChannelCredentials> refresh(Account account) {
        if (!account.credentials().refreshable()) {
            return Uni.createFrom().nullItem();
        }
        return OAuthRefresh.refresh(http, oauthUrl + "/token", account.credentials(), true);
    }

    private static Page page(JsonNode answer) {
        List<Review> reviews = new ArrayList<>();
        for (JsonNode review : answer.path("reviews")) {
            JsonNode reply = review.path("reviewReply");
            reviews.add(new Review(review.path("name").asText(), review.path("reviewId").asText(),
                    review.path("reviewer").path("displayName").asText(null), review.path("reviewer").path("isAnonymous").asBoolean(false),
                    STARS.getOrDefault(review.path("starRating").asText(), 0), review.path("comment").asText(""),
                    Instant.parse(review.path("createTime").asText()), Instant.parse(review.path("updateTime").asText()),
                    reply.hasNonNull("comment") ? new Reply(reply.path("comment").asText(),
                            reply.hasNonNull("updateTime") ? Instant.parse(reply.path("updateTime").asText()) : null) : null));
        }
        return new Page(reviews, answer.hasNonNull("nextPageToken") ? answer.path("nextPageToken").asText() : null);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
