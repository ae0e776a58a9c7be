package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mastodon REST API. Exactly-once: {@code POST /api/v1/statuses} carries an {@code Idempotency-Key}
 * header; Mastodon answers a repeated key (kept one hour) with the status it already created, so a
 * publish retried after a crash finds the first post instead of making a second one.
 * <p>
 * Moderation: the interaction is first found on the brand's own instance by its URL
 * ({@code GET /api/v2/search?resolve=true}, as a status from another instance has another local id).
 * A reply is {@code POST /api/v1/statuses} with {@code in_reply_to_id} and the same Idempotency-Key
 * mechanism (the action id), {@code visibility=direct} for a private one (delivered to the mentioned
 * author only, so the text starts with the author's mention). Mastodon has no way to hide someone
 * else's reply for everyone: hide mutes the author for the brand's account
 * ({@code POST /api/v1/accounts/:id/mute}, undone by unmute) rather than blocking (which also removes a
 * follower) or reporting (which goes to the instance's moderators and cannot be undone). Delete
 * ({@code DELETE /api/v1/statuses/:id}) only works on the brand's own statuses; others' are refused
 * with that reason.
 * <p>
 * Media: the variant's URLs are downloaded and uploaded as attachments before the status is written (how
 * many, and of which kind, is checked when the post is written: {@link Network#otherRulesBrokenBy}).
 */
@ApplicationScoped
public class MastodonAdapter implements NetworkAdapter {

    private final NetworkHttp http;
    private final MediaFetch fetch;
    private final MastodonMedia media;

    public MastodonAdapter(NetworkHttp http, MediaFetch fetch, MastodonMedia media) {
        this.http = http;
        this.fetch = fetch;
        this.media = media;
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        return publish(account, text, java.util.List.of(), idempotencyKey, false);
    }

    /**
     * Media are downloaded, uploaded as attachments (see {@link MastodonMedia}) and referenced by
     * {@code media_ids}. After a crash the uploads are simply made again: the status itself is still
     * created once, by its Idempotency-Key.
     */
    @Override
    public Uni<Outcome> publish(Account account, String text, java.util.List<String> mediaUrls, String idempotencyKey,
                                boolean reconciling) {
        Uni<java.util.List<String>> attachments = Uni.createFrom().item(new java.util.ArrayList<>());
        if (!mediaUrls.isEmpty()) {
            attachments = fetch.fetchAll(mediaUrls).chain(files -> {
                Uni<java.util.List<String>> ids = Uni.createFrom().item(new java.util.ArrayList<>());
                for (MediaFetch.Medium file : files) {
                    ids = ids.chain(uploaded -> media.upload(account, file).map(id -> {
                        uploaded.add(id);
                        return uploaded;
                    }));
                }
                return ids;
            });
        }
        return attachments.chain(ids -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", text);
                    body.put("visibility", "public");
                    if (!ids.isEmpty()) {
                        body.put("media_ids", ids);
                    }
                    var request = http.request(account.baseUrl() + "/api/v1/statuses")
                            .header("Authorization", "Bearer " + account.credentials().accessToken())
                            .header("Idempotency-Key", idempotencyKey)
                            .header("Content-Type", "application/json")
                            .POST(http.jsonBody(body))
                            .build();
                    return http.send(request).map(this::outcome);
                })
                .onFailure().recoverWithItem(Refusal::recover);
    }

    private Outcome outcome(ReceivedResponse response) {
        JsonNode body = http.read(response);
        if (response.statusCode() == 200) {
            return new Outcome.Published(body.path("id").asText(), body.path("url").asText(null));
        }
        // Mastodon errors: {"error": "Validation failed: Text character limit of 500 exceeded"}
        return HttpAnswers.failure(response, body.path("error").asText("HTTP " + response.statusCode()), null);
    }

    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        var request = http.request(account.baseUrl() + "/api/v1/statuses/" + externalId)
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .GET().build();
        return http.send(request).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Mastodon answered " + response.statusCode() + " for status " + externalId);
            }
            JsonNode status = http.read(response);
            return new Engagement(status.path("favourites_count").asLong(), status.path("replies_count").asLong(),
                    status.path("reblogs_count").asLong(), null);
        });
    }

    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately,
                              String idempotencyKey, boolean reconciling) {
        return find(account, target).chain(status -> {
            if (status == null) {
                throw new Refusal(new Outcome.Permanent("the status to answer is no longer on the network"));
            }
            String mention = "@" + status.path("account").path("acct").asText();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", text.contains(mention) ? text : mention + " " + text);
            body.put("in_reply_to_id", status.path("id").asText());
            body.put("visibility", privately ? "direct" : "public");
            var request = authorized(account, "/api/v1/statuses")
                    .header("Idempotency-Key", idempotencyKey)
                    .header("Content-Type", "application/json")
                    .POST(http.jsonBody(body)).build();
            return http.send(request).map(this::outcome);
        }).onFailure().recoverWithItem(Refusal::recover);
    }

    @Override
    public Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return find(account, target).chain(status -> {
            if (status == null) {
                throw new Refusal(new Outcome.Permanent("the status is no longer on the network"));
            }
            String path = "/api/v1/accounts/" + status.path("account").path("id").asText() + (hidden ? "/mute" : "/unmute");
            return http.send(authorized(account, path).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build())
                    .map(response -> response.statusCode() == 200 ? new Outcome.Published(null, null) : failure(response));
        }).onFailure().recoverWithItem(Refusal::recover);
    }

    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        return find(account, target).chain(status -> {
            if (status == null) {
                // Already gone (a repeated delete after a crash, or its author deleted it).
                return Uni.createFrom().item((Outcome) new Outcome.Published(null, null));
            }
            return ownAccountId(account).chain(own -> {
                if (!own.equals(status.path("account").path("id").asText())) {
                    throw new Refusal(new Outcome.Permanent("Mastodon lets an account delete only its own statuses; "
                            + "hide mutes the author instead"));
                }
                return http.send(authorized(account, "/api/v1/statuses/" + status.path("id").asText()).DELETE().build())
                        .map(response -> response.statusCode() == 200 || response.statusCode() == 404
                                ? new Outcome.Published(null, null) : failure(response));
            });
        }).onFailure().recoverWithItem(Refusal::recover);
    }

    /** The status as the brand's instance knows it, or null when the instance finds nothing at that URL. */
    private Uni<JsonNode> find(Account account, Interaction target) {
        String query = target.url() != null && !target.url().isBlank() ? target.url() : target.externalId();
        var request = authorized(account, "/api/v2/search?type=statuses&resolve=true&limit=1&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)).GET().build();
        return http.send(request).map(response -> {
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response));
            }
            JsonNode status = http.read(response).path("statuses").path(0);
            return status.isMissingNode() ? null : status;
        });
    }

    private Uni<String> ownAccountId(Account account) {
        return http.send(authorized(account, "/api/v1/accounts/verify_credentials").GET().build()).map(response -> {
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response));
            }
            return http.read(response).path("id").asText();
        });
    }

    private java.net.http.HttpRequest.Builder authorized(Account account, String path) {
        return http.request(account.baseUrl() + path)
                .header("Authorization", "Bearer " + account.credentials().accessToken());
    }

    private Outcome failure(ReceivedResponse response) {
        return HttpAnswers.failure(response, http.read(response).path("error").asText("HTTP " + response.statusCode()), null);
    }
}
