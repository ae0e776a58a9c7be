package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instagram professional account through the Graph API; the channel's handle is the IG user id.
 * Post in two steps: a container {@code POST /{ig-user-id}/media} (image_url or, for a video, a reel's
 * video_url, with the caption), then {@code POST /{ig-user-id}/media_publish} with its
 * {@code creation_id}; a post without media is refused before any call. With 2 to 10 media, a carousel:
 * one child container per medium ({@code is_carousel_item=true}, a video as {@code media_type=VIDEO}),
 * then a {@code CAROUSEL} container with their ids as {@code children} and the caption, published as one. Comments: hide
 * {@code POST /{ig-comment-id}} with {@code hide}, delete {@code DELETE /{ig-comment-id}}, public reply
 * {@code POST /{ig-comment-id}/replies}, private reply {@code POST /{ig-user-id}/messages} with
 * {@code recipient.comment_id}. Errors: {@link GraphAnswers}.
 * <p>
 * No idempotency key: after a crashed attempt the account's latest media are searched for the same
 * caption first (an unpublished container is harmless, it expires after 24 h).
 */
@ApplicationScoped
public class InstagramAdapter implements MetaGraphAdapter {

    private final NetworkHttp http;

    public InstagramAdapter(NetworkHttp http) {
        this.http = http;
    }

    @Override
    public Network network() {
        return Network.INSTAGRAM;
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        return publish(account, text, List.of(), idempotencyKey, false);
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, List<String> mediaUrls, String idempotencyKey, boolean reconciling) {
        if (mediaUrls.isEmpty()) {
            return Uni.createFrom().item(new Outcome.Permanent("Instagram needs an image or a video to publish"));
        }
        String user = account.handle();
        Uni<Outcome> earlier = reconciling ? published(account, text) : Uni.createFrom().nullItem();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found) : container(account, text, mediaUrls)
                        .chain(container -> http.send(graph(account, "/" + user + "/media_publish")
                                .header("Content-Type", "application/json")
                                .POST(http.jsonBody(Map.of("creation_id", container))).build()))
                        .chain(response -> {
                            JsonNode answer = http.read(response);
                            if (response.statusCode() != 200) {
                                throw new Refusal(GraphAnswers.failure(response, answer));
                            }
                            String id = answer.path("id").asText();
                            return http.send(graph(account, "/" + id + "?fields=permalink").GET().build())
                                    .map(link -> (Outcome) new Outcome.Published(id, http.read(link).path("permalink").asText(null)));
                        }))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /** One medium's container, or for several a carousel container over one child container each. */
    private Uni<String> container(Account account, String caption, List<String> media) {
        if (media.size() == 1) {
            Map<String, Object> body = item(media.get(0), "REELS");
            body.put("caption", caption);
            return create(account, body);
        }
        Uni<List<String>> children = Uni.createFrom().item(new java.util.ArrayList<>());
        for (String medium : media) {
            children = children.chain(made -> {
                Map<String, Object> child = item(medium, "VIDEO");
                child.put("is_carousel_item", true);
                return create(account, child).map(id -> {
                    made.add(id);
                    return made;
                });
            });
        }
        return children.chain(made -> {
            Map<String, Object> carousel = new LinkedHashMap<>();
            carousel.put("media_type", "CAROUSEL");
            carousel.put("children", String.join(",", made));
            carousel.put("caption", caption);
            return create(account, carousel);
        });
    }

    /** image_url, or video_url with {@code videoType}: a lone video is a reel, a carousel's is a VIDEO item. */
    private static Map<String, Object> item(String medium, String videoType) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (MediaKind.of(medium) == MediaKind.VIDEO) {
            body.put("media_type", videoType);
            body.put("video_url", medium);
        } else {
            body.put("image_url", medium);
        }
        return body;
    }

    private Uni<String> create(Account account, Map<String, Object> body) {
        return http.send(graph(account, "/" + account.handle() + "/media").header("Content-Type", "application/json")
                .POST(http.jsonBody(body)).build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(GraphAnswers.failure(response, answer));
            }
            return answer.path("id").asText();
        });
    }

    private Uni<Outcome> published(Account account, String caption) {
        return http.send(graph(account, "/" + account.handle() + "/media?fields=id,caption,permalink&limit=25").GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() != 200) {
                        throw new Refusal(GraphAnswers.failure(response, answer));
                    }
                    for (JsonNode media : answer.path("data")) {
                        if (caption.equals(media.path("caption").asText())) {
                            return new Outcome.Published(media.path("id").asText(), media.path("permalink").asText(null));
                        }
                    }
                    return null;
                });
    }

    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately, String idempotencyKey,
                              boolean reconciling) {
        String comment = target.reference();
        HttpRequest request = privately
                ? graph(account, "/" + account.handle() + "/messages").header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("recipient", Map.of("comment_id", comment), "message", Map.of("text", text)))).build()
                : graph(account, "/" + comment + "/replies").header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("message", text))).build();
        Uni<Outcome> earlier = reconciling && !privately ? replied(account, comment, text) : Uni.createFrom().nullItem();
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found) : http.send(request).map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 200) {
                        return (Outcome) new Outcome.Published(answer.path(privately ? "message_id" : "id").asText(), null);
                    }
                    if (privately && reconciling && GraphAnswers.code(answer) == 10900) {
                        return new Outcome.Published(null, null);
                    }
                    return GraphAnswers.failure(response, answer);
                }))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    private Uni<Outcome> replied(Account account, String comment, String text) {
        return http.send(graph(account, "/" + comment + "/replies?fields=id,text,username").GET().build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(GraphAnswers.failure(response, answer));
            }
            for (JsonNode reply : answer.path("data")) {
                if (text.equals(reply.path("text").asText())) {
                    return new Outcome.Published(reply.path("id").asText(), null);
                }
            }
            return null;
        });
    }

    @Override
    public Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return http.send(graph(account, "/" + target.reference()).header("Content-Type", "application/json")
                        .POST(http.jsonBody(Map.of("hide", hidden))).build())
                .map(this::success)
                .onFailure().recoverWithItem(Refusal::recover);
    }

    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        return http.send(graph(account, "/" + target.reference()).DELETE().build())
                .map(response -> response.statusCode() == 400 && GraphAnswers.code(http.read(response)) == 100
                        ? new Outcome.Published(null, null) : success(response))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    private Outcome success(ReceivedResponse response) {
        JsonNode answer = http.read(response);
        return response.statusCode() == 200 && answer.path("success").asBoolean(false)
                ? new Outcome.Published(null, null) : GraphAnswers.failure(response, answer);
    }

    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        return http.send(graph(account, "/" + externalId + "?fields=like_count,comments_count").GET().build()).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Instagram answered " + response.statusCode() + " for " + externalId);
            }
            JsonNode media = http.read(response);
            return new Engagement(media.path("like_count").asLong(), media.path("comments_count").asLong(), 0, null);
        });
    }

    @Override
    public NetworkHttp http() {
        return http;
    }

    /**
     * A media's public address: {@code GET /{ig-media-id}?fields=permalink}, answered
     * {@code {"permalink": "https://www.instagram.com/p/<shortcode>/", "id": "..."}}. Published(id, permalink) on
     * success; rate limits, a refused token and other refusals as {@link GraphAnswers#failure}.
     */
    public Uni<Outcome> permalink(Account account, String mediaId) {
        return http.send(graph(account, "/" + java.net.URLEncoder.encode(mediaId, java.nio.charset.StandardCharsets.UTF_8)
                        + "?fields=permalink").GET().build())
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() != 200) {
                        return GraphAnswers.failure(response, answer);
                    }
                    return (Outcome) new Outcome.Published(answer.path("id").asText(mediaId), answer.path("permalink").asText(null));
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    private HttpRequest.Builder graph(Account account, String path) {
        return http.request(account.baseUrl() + GraphAnswers.VERSION + path)
                .header("Authorization", "Bearer " + account.credentials().accessToken());
    }
}
