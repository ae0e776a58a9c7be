package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * A Facebook Page through the Graph API with the Page access token; the channel's handle is the Page id.
 * Post: {@code POST /{page-id}/feed} (message, or link: the first media URL). Comments: hide
 * {@code POST /{comment-id}} with {@code is_hidden} (hidden from everyone but the author and their
 * friends), delete {@code DELETE /{comment-id}} (the Page may delete comments on its own posts), public
 * reply {@code POST /{comment-id}/comments}, private reply {@code POST /{page-id}/messages} with
 * {@code recipient.comment_id} (the Messenger private reply that replaced {@code /private_replies};
 * one per comment, within 7 days). Errors: {@link GraphAnswers}.
 * <p>
 * Graph has no idempotency key: after a crashed attempt the Page's latest posts (or the comment's
 * replies) are searched for the same text before writing again; a second private reply to the same
 * comment is refused by Meta (code 10900), which means the first went through.
 */
@ApplicationScoped
public class FacebookAdapter implements MetaGraphAdapter {

    private final NetworkHttp http;

    public FacebookAdapter(NetworkHttp http) {
        this.http = http;
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        return publish(account, text, List.of(), idempotencyKey, false);
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, List<String> mediaUrls, String idempotencyKey, boolean reconciling) {
        String page = account.handle();
        Uni<Outcome> earlier = reconciling ? find(account, "/" + page + "/feed?fields=id,message,permalink_url&limit=25", text)
                : Uni.createFrom().nullItem();
        Map<String, Object> body = mediaUrls.isEmpty() ? Map.of("message", text) : Map.of("message", text, "link", mediaUrls.get(0));
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found)
                        : http.send(graph(account, "/" + page + "/feed").header("Content-Type", "application/json")
                        .POST(http.jsonBody(body)).build()).map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200) {
                        String id = answer.path("id").asText();
                        return (Outcome) new Outcome.Published(id, "https://www.facebook.com/" + id);
                    }
                    return GraphAnswers.failure(response, answer);
                }))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /** An item of a Graph list (the Page's feed, a comment's replies) with exactly this message, or null. */
    private Uni<Outcome> find(Account account, String path, String text) {
        return http.send(graph(account, path).GET().build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(GraphAnswers.failure(response, answer));
            }
            for (JsonNode item : answer.path("data")) {
                if (text.equals(item.path("message").asText())) {
                    return new Outcome.Published(item.path("id").asText(), item.path("permalink_url").asText(null));
                }
            }
            return null;
        });
    }

    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately, String idempotencyKey,
                              boolean reconciling) {
        String comment = target.reference();
        if (privately) {
            return http.send(graph(account, "/" + account.handle() + "/messages").header("Content-Type", "application/json")
                            .POST(http.jsonBody(Map.of("recipient", Map.of("comment_id", comment), "message", Map.of("text", text))))
                            .build())
                    .map(response -> {
                        JsonNode answer = http.read(response);
                        if (response.statusCode() == 200) {
                            return (Outcome) new Outcome.Published(answer.path("message_id").asText(), null);
                        }
                        if (reconciling && GraphAnswers.code(answer) == 10900) {
                            // "Activity already replied to": the crashed attempt did send it.
                            return new Outcome.Published(null, null);
                        }
                        return GraphAnswers.failure(response, answer);
                    })
                    .onFailure().recoverWithItem(Refusal::recover);
        }
        Uni<Outcome> earlier = reconciling
                ? find(account, "/" + comment + "/comments?fields=id,message,permalink_url,from&limit=50", text)
                : Uni.createFrom().nullItem();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found)
                        : http.send(graph(account, "/" + comment + "/comments").header("Content-Type", "application/json")
                        .POST(http.jsonBody(Map.of("message", text))).build()).map(response -> {
                    JsonNode answer = http.read(response);
                    return response.statusCode() == 200
                            ? (Outcome) new Outcome.Published(answer.path("id").asText(), null)
                            : GraphAnswers.failure(response, answer);
                }))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    @Override
    public Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return http.send(graph(account, "/" + target.reference()).header("Content-Type", "application/json")
                        .POST(http.jsonBody(Map.of("is_hidden", hidden))).build())
                .map(response -> success(response))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        return http.send(graph(account, "/" + target.reference()).DELETE().build())
                .map(response -> {
                    // Code 100 "does not exist": deleted already (a repeated delete after a crash).
                    if (response.statusCode() == 400 && GraphAnswers.code(http.read(response)) == 100) {
                        return new Outcome.Published(null, null);
                    }
                    return success(response);
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    private Outcome success(ReceivedResponse response) {
        JsonNode answer = http.read(response);
        return response.statusCode() == 200 && answer.path("success").asBoolean(false)
                ? new Outcome.Published(null, null) : GraphAnswers.failure(response, answer);
    }

    /** Counts of a Page post: reactions, comments and shares; impressions need the insights permission. */
    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        return http.send(graph(account, "/" + externalId
                        + "?fields=reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares").GET().build())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("Facebook answered " + response.statusCode() + " for " + externalId);
                    }
                    JsonNode post = http.read(response);
                    return new Engagement(post.path("reactions").path("summary").path("total_count").asLong(),
                            post.path("comments").path("summary").path("total_count").asLong(),
                            post.path("shares").path("count").asLong(), null);
                });
    }

    @Override
    public NetworkHttp http() {
        return http;
    }

    private HttpRequest.Builder graph(Account account, String path) {
        return http.request(account.baseUrl() + GraphAnswers.VERSION + path)
                .header("Authorization", "Bearer " + account.credentials().accessToken());
    }
}
