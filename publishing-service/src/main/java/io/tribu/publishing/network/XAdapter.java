package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X API v2 with the account's OAuth 2.0 user token. Post: {@code POST /2/tweets}; reply: the same with
 * {@code reply.in_reply_to_tweet_id}; private reply: a direct message
 * ({@code POST /2/dm_conversations/with/:author_id/messages}); hide: {@code PUT /2/tweets/:id/hidden}
 * (replies in conversations the account began, visible behind "hidden replies"; a deleted post answers 404
 * {@code resource-not-found}: refused as no longer on X); delete: {@code DELETE /2/tweets/:id} (own posts only:
 * others' answer 403, refused with "hide instead"; one already gone is done). A reply to a deleted post: 403.
 * <p>
 * X has no idempotency key. After a crashed attempt ({@code reconciling}) the account's latest posts
 * ({@code GET /2/users/:id/tweets}) or the conversation's messages are searched for the same text
 * first; X also refuses an identical text in a short time ("duplicate content", 403), which is reported
 * as a refusal. Errors: 401 token, 429 with {@code x-rate-limit-reset}, 5xx retried.
 * <p>
 * Media: up to 4 images (each at most 5 MB), downloaded then uploaded with {@code POST /2/media/upload},
 * their ids in the post's {@code media.media_ids}; videos (the chunked upload) are not offered yet.
 */
@ApplicationScoped
public class XAdapter implements NetworkAdapter {

    static final String RESET_HEADER = "x-rate-limit-reset";

    /** X's limit for an image of a post (tweet_image). */
    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private final NetworkHttp http;
    private final MediaFetch fetch;

    public XAdapter(NetworkHttp http, MediaFetch fetch) {
        this.http = http;
        this.fetch = fetch;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        return publish(account, text, List.of(), idempotencyKey, false);
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, List<String> mediaUrls, String idempotencyKey, boolean reconciling) {
        if (mediaUrls.isEmpty()) {
            return tweet(account, Map.of("text", text), text, reconciling);
        }
        // Looked for before uploading: a post found again needs no new uploads.
        Uni<Outcome> earlier = reconciling ? alreadyPosted(account, text) : Uni.createFrom().nullItem();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found) : fetch.fetchAll(mediaUrls)
                        .chain(files -> {
                            Uni<List<String>> ids = Uni.createFrom().item(new java.util.ArrayList<>());
                            for (MediaFetch.Medium file : files) {
                                ids = ids.chain(uploaded -> upload(account, file).map(id -> {
                                    uploaded.add(id);
                                    return uploaded;
                                }));
                            }
                            return ids;
                        })
                        .chain(ids -> tweet(account, Map.of("text", text, "media", Map.of("media_ids", ids)), text, false)))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /**
     * One image, in one request: {@code POST /2/media/upload} multipart ({@code media}, {@code media_category}
     * tweet_image), answered with {@code data.id}. Media not used in a post expire on X's side (24 h), so an
     * upload repeated after a crash is harmless.
     */
    private Uni<String> upload(Account account, MediaFetch.Medium file) {
        if (file.kind() != MediaKind.IMAGE) {
            throw new Refusal(new Outcome.Permanent("medium " + file.index() + ": X videos are not uploaded yet, this is "
                    + file.contentType()));
        }
        if (file.bytes().length > MAX_IMAGE_BYTES) {
            throw new Refusal(new Outcome.Permanent("medium " + file.index() + " is " + file.bytes().length
                    + " bytes; X images take at most " + MAX_IMAGE_BYTES));
        }
        Multipart form = new Multipart().file("media", file.fileName(), file.contentType(), file.bytes())
                .field("media_category", "tweet_image");
        return http.send(authorized(account, "/2/media/upload").header("Content-Type", form.contentType())
                .POST(form.publisher()).build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new Refusal(HttpAnswers.failure(response, "medium " + file.index() + ": " + reason(answer, response), RESET_HEADER));
            }
            return answer.path("data").path("id").asText();
        });
    }

    private Uni<Outcome> tweet(Account account, Map<String, Object> body, String text, boolean reconciling) {
        Uni<Outcome> earlier = reconciling ? alreadyPosted(account, text) : Uni.createFrom().nullItem();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found)
                : http.send(authorized(account, "/2/tweets").header("Content-Type", "application/json")
                .POST(http.jsonBody(body)).build()).map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        String id = answer.path("data").path("id").asText();
                        return new Outcome.Published(id, "https://x.com/i/web/status/" + id);
                    }
                    return failure(response, answer);
                })).onFailure().recoverWithItem(Refusal::recover);
    }

    private Uni<Outcome> alreadyPosted(Account account, String text) {
        return me(account).chain(me -> http.send(authorized(account, "/2/users/" + me + "/tweets?max_results=20").GET().build()))
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() != 200) {
                        throw new Refusal(failure(response, answer));
                    }
                    for (JsonNode tweet : answer.path("data")) {
                        if (text.equals(tweet.path("text").asText())) {
                            String id = tweet.path("id").asText();
                            return new Outcome.Published(id, "https://x.com/i/web/status/" + id);
                        }
                    }
                    return null;
                });
    }

    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately, String idempotencyKey,
                              boolean reconciling) {
        String id = tweetId(target);
        if (!privately) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", text);
            body.put("reply", Map.of("in_reply_to_tweet_id", id));
            return tweet(account, body, text, reconciling);
        }
        return http.send(authorized(account, "/2/tweets/" + id + "?tweet.fields=author_id").GET().build()).chain(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response, answer));
            }
            String author = answer.path("data").path("author_id").asText();
            Uni<Outcome> earlier = reconciling ? messageSent(account, author, text) : Uni.createFrom().nullItem();
            return earlier.chain(found -> found != null ? Uni.createFrom().item(found)
                    : http.send(authorized(account, "/2/dm_conversations/with/" + author + "/messages")
                    .header("Content-Type", "application/json").POST(http.jsonBody(Map.of("text", text))).build())
                    .map(sent -> {
                        JsonNode body = http.read(sent);
                        return sent.statusCode() == 201 || sent.statusCode() == 200
                                ? new Outcome.Published(body.path("data").path("dm_event_id").asText(), null) : failure(sent, body);
                    }));
        }).onFailure().recoverWithItem(Refusal::recover);
    }

    private Uni<Outcome> messageSent(Account account, String participant, String text) {
        return http.send(authorized(account, "/2/dm_conversations/with/" + participant + "/dm_events?max_results=50").GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() != 200) {
                        throw new Refusal(failure(response, answer));
                    }
                    for (JsonNode event : answer.path("data")) {
                        if (text.equals(event.path("text").asText()) && !participant.equals(event.path("sender_id").asText())) {
                            return new Outcome.Published(event.path("id").asText(), null);
                        }
                    }
                    return null;
                });
    }

    @Override
    public Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return http.send(authorized(account, "/2/tweets/" + tweetId(target) + "/hidden").header("Content-Type", "application/json")
                        .PUT(http.jsonBody(Map.of("hidden", hidden))).build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200 && !answer.has("errors")) {
                        return new Outcome.Published(null, null);
                    }
                    // Deleted by its author or by X: nothing left to hide or show again.
                    return response.statusCode() == 404 || response.statusCode() == 200
                            ? new Outcome.Permanent("the post is no longer on X (" + reason(answer, response) + ")")
                            : failure(response, answer);
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        return http.send(authorized(account, "/2/tweets/" + tweetId(target)).DELETE().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200 || response.statusCode() == 404) {
                        return new Outcome.Published(null, null);
                    }
                    if (response.statusCode() == 403) {
                        return new Outcome.Permanent("X lets an account delete only its own posts; hide instead ("
                                + reason(answer, response) + ")");
                    }
                    return failure(response, answer);
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /** OAuth 2.0 refresh at {@code POST /2/oauth2/token}; X rotates the refresh token on every use. */
    @Override
    public Uni<io.tribu.publishing.channel.ChannelCredentials> refresh(Account account) {
        if (!account.credentials().refreshable()) {
            return Uni.createFrom().nullItem();
        }
        return OAuthRefresh.refresh(http, account.baseUrl() + "/2/oauth2/token", account.credentials(), false);
    }

    /** {@code public_metrics}: likes, replies, retweets + quotes, and impressions (X tells them to the author). */
    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        return http.send(authorized(account, "/2/tweets/" + externalId + "?tweet.fields=public_metrics").GET().build())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("X answered " + response.statusCode() + " for " + externalId);
                    }
                    JsonNode metrics = http.read(response).path("data").path("public_metrics");
                    return new Engagement(metrics.path("like_count").asLong(), metrics.path("reply_count").asLong(),
                            metrics.path("retweet_count").asLong() + metrics.path("quote_count").asLong(),
                            metrics.has("impression_count") ? metrics.path("impression_count").asLong() : null);
                });
    }

    private Uni<String> me(Account account) {
        return http.send(authorized(account, "/2/users/me").GET().build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response, answer));
            }
            return answer.path("data").path("id").asText();
        });
    }

    /** The id, or the last path segment of https://x.com/{user}/status/{id}. */
    static String tweetId(Interaction target) {
        String reference = target.reference();
        String path = reference.replaceAll("[?#].*", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private HttpRequest.Builder authorized(Account account, String path) {
        return http.request(account.baseUrl() + path).header("Authorization", "Bearer " + account.credentials().accessToken());
    }

    /**
     * X problems: {"title":"Forbidden","detail":"You are not allowed to create a Tweet with duplicate content.","status":403};
     * an invalid request's own message (errors[0]) says more than its generic {@code detail}.
     */
    static String reason(JsonNode answer, HttpResponse<String> response) {
        JsonNode first = answer.path("errors").path(0);
        String detail = first.path("message").asText(first.path("detail").asText(answer.path("detail").asText("")));
        return detail.isEmpty() ? "HTTP " + response.statusCode() : detail;
    }

    private static Outcome failure(ReceivedResponse response, JsonNode answer) {
        return HttpAnswers.failure(response, reason(answer, response), RESET_HEADER);
    }
}
