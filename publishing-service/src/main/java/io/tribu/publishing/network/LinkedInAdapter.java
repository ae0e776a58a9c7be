package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn Posts API ({@code POST /rest/posts}, versioned with the {@code LinkedIn-Version} header, Rest.li
 * 2.0); the channel's handle is the author URN ({@code urn:li:organization:...} for a Page,
 * {@code urn:li:person:...}). The new post's URN comes back in the {@code x-restli-id} header.
 * <p>
 * No idempotency key, but LinkedIn refuses the same text again as a duplicate (422 "Content is a
 * duplicate of urn:li:share:..."): after a crashed attempt that answer names the post already made,
 * which is then reported as published. Images: uploaded through the Images API (see {@link #image}), one
 * as {@code content.media}, several as {@code content.multiImage}; videos are not offered yet.
 * <p>
 * Moderation (Community Management API) on comments under the brand's posts, named by their URN
 * {@code urn:li:comment:(urn:li:activity:…,id)} or a URL carrying it as {@code commentUrn}: a public reply is
 * a nested comment, delete removes the comment. LinkedIn offers neither hiding a comment nor a private
 * reply to its author through the API, so those are refused.
 */
@ApplicationScoped
public class LinkedInAdapter implements NetworkAdapter {

    static final String VERSION = "202411";
    /** A comment's URN: the post (activity, share or ugcPost) it is on, and its own id. */
    private static final Pattern COMMENT = Pattern.compile("urn:li:comment:\\((urn:li:[A-Za-z]+:\\d+),(\\d+)\\)");
    private static final Pattern DUPLICATE = Pattern.compile("duplicate of (urn:li:(?:share|ugcPost):\\d+)");

    private final NetworkHttp http;
    private final MediaFetch fetch;

    public LinkedInAdapter(NetworkHttp http, MediaFetch fetch) {
        this.http = http;
        this.fetch = fetch;
    }

    @Override
    public Network network() {
        return Network.LINKEDIN;
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        return publish(account, text, List.of(), idempotencyKey, false);
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, List<String> mediaUrls, String idempotencyKey, boolean reconciling) {
        if (!account.handle().startsWith("urn:li:")) {
            return Uni.createFrom().item(new Outcome.Permanent("the LinkedIn channel's handle must be the author URN "
                    + "(urn:li:organization:... or urn:li:person:...)"));
        }
        Uni<List<String>> images = mediaUrls.isEmpty() ? Uni.createFrom().item(List.of()) : fetch.fetchAll(mediaUrls)
                .chain(files -> {
                    Uni<List<String>> urns = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (MediaFetch.Medium file : files) {
                        urns = urns.chain(uploaded -> image(account, file).map(urn -> {
                            uploaded.add(urn);
                            return uploaded;
                        }));
                    }
                    return urns;
                });
        return images.chain(urns -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("author", account.handle());
                    body.put("commentary", text);
                    body.put("visibility", "PUBLIC");
                    body.put("distribution", Map.of("feedDistribution", "MAIN_FEED", "targetEntities", List.of(),
                            "thirdPartyDistributionChannels", List.of()));
                    if (urns.size() == 1) {
                        body.put("content", Map.of("media", Map.of("id", urns.get(0))));
                    } else if (urns.size() > 1) {
                        body.put("content", Map.of("multiImage", Map.of("images",
                                urns.stream().map(urn -> Map.of("id", urn)).toList())));
                    }
                    body.put("lifecycleState", "PUBLISHED");
                    body.put("isReshareDisabledByAuthor", false);
                    return http.send(rest(account, "/rest/posts").header("Content-Type", "application/json")
                            .POST(http.jsonBody(body)).build());
                })
                .map(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() == 201) {
                        String urn = response.headers().firstValue("x-restli-id").orElse(answer.path("id").asText());
                        return published(urn);
                    }
                    String message = answer.path("message").asText("HTTP " + response.statusCode());
                    Matcher duplicate = DUPLICATE.matcher(message);
                    if (response.statusCode() == 422 && duplicate.find()) {
                        return reconciling ? published(duplicate.group(1))
                                : new Outcome.Permanent("duplicate post refused by the network: " + message);
                    }
                    return HttpAnswers.failure(response, message, null);
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /**
     * Images API: {@code POST /rest/images?action=initializeUpload} with the owner (the author URN) answers an
     * {@code uploadUrl} and the {@code urn:li:image:…}; the bytes are PUT to that URL. An image never used
     * in a post is harmless, so a repeat after a crash only uploads again.
     */
    private Uni<String> image(Account account, MediaFetch.Medium file) {
        if (file.kind() != MediaKind.IMAGE) {
            throw new Refusal(new Outcome.Permanent("medium " + file.index() + ": LinkedIn videos are not uploaded yet, this is "
                    + file.contentType()));
        }
        return http.send(rest(account, "/rest/images?action=initializeUpload").header("Content-Type", "application/json")
                        .POST(http.jsonBody(Map.of("initializeUploadRequest", Map.of("owner", account.handle())))).build())
                .chain(response -> {
                    JsonNode answer = http.read(response);
                    if (response.statusCode() != 200) {
                        throw new Refusal(HttpAnswers.failure(response, "medium " + file.index() + ": "
                                + answer.path("message").asText("HTTP " + response.statusCode()), null));
                    }
                    String urn = answer.path("value").path("image").asText();
                    var put = http.request(answer.path("value").path("uploadUrl").asText())
                            .header("Authorization", "Bearer " + account.credentials().accessToken())
                            .header("Content-Type", file.contentType())
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(file.bytes())).build();
                    return http.send(put).map(uploaded -> {
                        if (uploaded.statusCode() / 100 != 2) {
                            throw new Refusal(HttpAnswers.failure(uploaded, "medium " + file.index() + ": upload answered HTTP "
                                    + uploaded.statusCode(), null));
                        }
                        return urn;
                    });
                });
    }

    /**
     * A nested comment: {@code POST /rest/socialActions/{comment URN}/comments} with the brand as actor, the post
     * as object and the comment as parentComment. No idempotency key: when reconciling, the comment's replies
     * are read first for one of the brand's with the same text.
     */
    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately, String idempotencyKey,
                              boolean reconciling) {
        if (privately) {
            return NetworkAdapter.super.reply(account, target, text, true, idempotencyKey, reconciling);
        }
        Matcher comment = comment(target);
        if (comment == null) {
            return Uni.createFrom().item(notAComment(target));
        }
        String parent = comment.group();
        String path = "/rest/socialActions/" + urlEncoded(parent) + "/comments";
        Uni<Outcome> earlier = reconciling ? http.send(rest(account, path).GET().build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(HttpAnswers.failure(response, answer.path("message").asText("HTTP " + response.statusCode()), null));
            }
            for (JsonNode reply : answer.path("elements")) {
                if (account.handle().equals(reply.path("actor").asText()) && text.equals(reply.path("message").path("text").asText())) {
                    return commentPublished(reply.path("commentUrn").asText());
                }
            }
            return null;
        }) : Uni.createFrom().nullItem();
        Map<String, Object> body = Map.of("actor", account.handle(), "object", comment.group(1),
                "message", Map.of("text", text), "parentComment", parent);
        return earlier.chain(found -> found != null ? Uni.createFrom().item(found)
                        : http.send(rest(account, path).header("Content-Type", "application/json").POST(http.jsonBody(body)).build())
                        .map(response -> {
                            JsonNode answer = http.read(response);
                            if (response.statusCode() == 201) {
                                return commentPublished(answer.path("commentUrn").asText());
                            }
                            return HttpAnswers.failure(response, answer.path("message").asText("HTTP " + response.statusCode()), null);
                        }))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /**
     * {@code DELETE /rest/socialActions/{post URN}/comments/{id}?actor=…} (204); the brand may delete comments on
     * its own posts. 404: already deleted, by an earlier attempt or its author.
     */
    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        Matcher comment = comment(target);
        if (comment == null) {
            return Uni.createFrom().item(notAComment(target));
        }
        return http.send(rest(account, "/rest/socialActions/" + urlEncoded(comment.group(1)) + "/comments/" + comment.group(2)
                        + "?actor=" + urlEncoded(account.handle())).DELETE().build())
                .map(response -> {
                    if (response.statusCode() == 204 || response.statusCode() == 404) {
                        return (Outcome) new Outcome.Published(null, null);
                    }
                    return HttpAnswers.failure(response, http.read(response).path("message").asText("HTTP " + response.statusCode()), null);
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /** The comment URN of the id, else of the URL's {@code commentUrn} parameter; null when neither names one. */
    private static Matcher comment(Interaction target) {
        for (String candidate : new String[] {target.externalId(), target.url()}) {
            if (candidate != null) {
                Matcher comment = COMMENT.matcher(java.net.URLDecoder.decode(candidate, StandardCharsets.UTF_8));
                if (comment.find()) {
                    return comment;
                }
            }
        }
        return null;
    }

    private static Outcome notAComment(Interaction target) {
        return new Outcome.Permanent("not a LinkedIn comment (urn:li:comment:(…) expected): " + target.reference());
    }

    private static Outcome commentPublished(String urn) {
        return new Outcome.Published(urn, commentUrl(urn));
    }

    /** The address LinkedIn opens on the comment (its post, scrolled to it); null when the URN is not a comment's. */
    public static String commentUrl(String urn) {
        Matcher comment = COMMENT.matcher(urn);
        return comment.matches() ? "https://www.linkedin.com/feed/update/" + comment.group(1) + "?commentUrn=" + urlEncoded(urn) : null;
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * OAuth 2.0 refresh at {@code POST https://www.linkedin.com/oauth/v2/accessToken} (the authorization
     * host, not the API's; a non-LinkedIn base URL, such as a test server, serves both).
     */
    @Override
    public Uni<io.tribu.publishing.channel.ChannelCredentials> refresh(Account account) {
        if (!account.credentials().refreshable()) {
            return Uni.createFrom().nullItem();
        }
        String host = account.baseUrl().equals("https://api.linkedin.com") ? "https://www.linkedin.com" : account.baseUrl();
        return OAuthRefresh.refresh(http, host + "/oauth/v2/accessToken", account.credentials(), true);
    }

    private static Outcome published(String urn) {
        return new Outcome.Published(urn, "https://www.linkedin.com/feed/update/" + urn);
    }

    /** Likes, comments and shares of the post from socialActions; LinkedIn gives impressions only to analytics products. */
    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        return http.send(rest(account, "/rest/socialActions/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8)).GET().build())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("LinkedIn answered " + response.statusCode() + " for " + externalId);
                    }
                    JsonNode actions = http.read(response);
                    return new Engagement(actions.path("likesSummary").path("totalLikes").asLong(),
                            actions.path("commentsSummary").path("aggregatedTotalComments").asLong(), 0, null);
                });
    }

    /** A Community Management API call: the bearer token, the API version, Rest.li 2.0. */
    HttpRequest.Builder rest(Account account, String path) {
        return http.request(account.baseUrl() + path)
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .header("LinkedIn-Version", VERSION)
                .header("X-Restli-Protocol-Version", "2.0.0");
    }

}
