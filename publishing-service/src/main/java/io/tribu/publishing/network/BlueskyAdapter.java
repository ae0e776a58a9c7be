package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bluesky (AT Protocol, XRPC). A session is opened with the account's app password
 * ({@code com.atproto.server.createSession}), then the post is written with
 * {@code com.atproto.repo.createRecord} under a record key derived from the idempotency key
 * ({@link RecordKeys}). Exactly-once: a second write under the same key is refused by the PDS as an
 * existing record, which means the first one went through: the post's at:// URI is then known without
 * posting again.
 */
@ApplicationScoped
public class BlueskyAdapter implements NetworkAdapter {

    static final String COLLECTION = "app.bsky.feed.post";
    static final String RESET_HEADER = "RateLimit-Reset";

    private final NetworkHttp http;

    public BlueskyAdapter(NetworkHttp http) {
        this.http = http;
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    record Session(String did, String accessJwt) {
    }

    sealed interface Login {
        record Opened(Session session) implements Login {
        }

        record Refused(Outcome outcome) implements Login {
        }
    }

    Uni<Login> login(Account account) {
        var request = http.request(account.baseUrl() + "/xrpc/com.atproto.server.createSession")
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("identifier", account.credentials().identifier(),
                        "password", account.credentials().appPassword())))
                .build();
        return http.send(request).map(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() == 200) {
                return new Login.Opened(new Session(body.path("did").asText(), body.path("accessJwt").asText()));
            }
            // A refused app password comes as 401 AuthenticationRequired: the channel needs new credentials.
            return new Login.Refused(HttpAnswers.failure(response, reason(body, response), RESET_HEADER));
        });
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        String rkey = RecordKeys.of(idempotencyKey);
        return login(account).chain(login -> login instanceof Login.Opened opened
                ? create(account, opened.session(), text, rkey)
                : Uni.createFrom().item(((Login.Refused) login).outcome()))
                .onFailure().recoverWithItem(NetworkHttp::unreachable);
    }

    private Uni<Outcome> create(Account account, Session session, String text, String rkey) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", COLLECTION);
        record.put("text", text);
        record.put("createdAt", Instant.now().toString());
        var request = http.request(account.baseUrl() + "/xrpc/com.atproto.repo.createRecord")
                .header("Authorization", "Bearer " + session.accessJwt())
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("repo", session.did(), "collection", COLLECTION, "rkey", rkey,
                        "record", record)))
                .build();
        String uri = "at://" + session.did() + "/" + COLLECTION + "/" + rkey;
        return http.send(request).map(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() == 200) {
                return new Outcome.Published(body.path("uri").asText(uri), webUrl(account, rkey));
            }
            if (response.statusCode() == 400 && alreadyExists(body)) {
                return new Outcome.Published(uri, webUrl(account, rkey));
            }
            if ("ExpiredToken".equals(body.path("error").asText())) {
                // The session expired between login and write: the next attempt opens a new one.
                return new Outcome.Retry(null, reason(body, response));
            }
            return HttpAnswers.failure(response, reason(body, response), RESET_HEADER);
        });
    }

    /** The PDS refuses a record key in use: {"error":"InvalidRequest","message":"Record already exists"}. */
    private static boolean alreadyExists(JsonNode body) {
        return body.path("message").asText("").toLowerCase(java.util.Locale.ROOT).contains("already exists");
    }

    private static String webUrl(Account account, String rkey) {
        return "https://bsky.app/profile/" + account.handle() + "/post/" + rkey;
    }

    private static String reason(JsonNode body, HttpResponse<String> response) {
        String error = body.path("error").asText("HTTP " + response.statusCode());
        String message = body.path("message").asText("");
        return message.isEmpty() ? error : error + ": " + message;
    }

    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        return login(account).chain(login -> {
            if (!(login instanceof Login.Opened opened)) {
                return Uni.createFrom().failure(new IllegalStateException("Bluesky session refused"));
            }
            var request = http.request(account.baseUrl() + "/xrpc/app.bsky.feed.getPosts?uris="
                            + URLEncoder.encode(externalId, StandardCharsets.UTF_8))
                    .header("Authorization", "Bearer " + opened.session().accessJwt())
                    .GET().build();
            return http.send(request).map(response -> {
                JsonNode post = http.read(response).path("posts").path(0);
                if (response.statusCode() != 200 || post.isMissingNode()) {
                    throw new IllegalStateException("Bluesky answered " + response.statusCode() + " for " + externalId);
                }
                return new Engagement(post.path("likeCount").asLong(), post.path("replyCount").asLong(),
                        post.path("repostCount").asLong() + post.path("quoteCount").asLong(), null);
            });
        });
    }
}
