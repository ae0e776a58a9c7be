package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bluesky (AT Protocol, XRPC). A session is opened with the account's app password
 * ({@code com.atproto.server.createSession}), then the post is written with
 * {@code com.atproto.repo.createRecord} under a record key derived from the idempotency key
 * ({@link RecordKeys}). Exactly-once: a second write under the same key is refused by the PDS as an
 * existing record, which means the first one went through: the post's at:// URI is then known without
 * posting again.
 * <p>
 * Moderation: the interaction is read with {@code app.bsky.feed.getPosts} (its at:// URI is the
 * given id, or built from the bsky.app URL, resolving a handle with
 * {@code com.atproto.identity.resolveHandle}). A public reply is an {@code app.bsky.feed.post} with
 * {@code reply.root}/{@code reply.parent} strong refs, under a record key derived from the action id
 * (exactly once as for posts). A private reply is a chat message ({@code chat.bsky.convo.*} through
 * the PDS with the {@code atproto-proxy} header): chat has no idempotency key, so an attempt after a
 * crash first looks for the same text already sent in that conversation; between the send and the
 * commit of its outcome the window is at-most-once only if that read sees the message. Hide: in a
 * thread the brand started, the reply joins the {@code hiddenReplies} of the thread's
 * {@code app.bsky.feed.threadgate} (hidden for every reader); in someone else's thread the brand can
 * only mute it ({@code app.bsky.graph.muteThread}, no more notifications). Delete
 * ({@code com.atproto.repo.deleteRecord}) only works on the brand's own records.
 * <p>
 * Media: up to 4 images per post, each at most {@value #MAX_IMAGE_BYTES} bytes, uploaded as blobs then
 * embedded ({@code app.bsky.embed.images}); videos go through another service and are refused.
 */
@ApplicationScoped
public class BlueskyAdapter implements NetworkAdapter {

    static final String COLLECTION = "app.bsky.feed.post";
    static final String RESET_HEADER = "RateLimit-Reset";
    static final String THREADGATE = "app.bsky.feed.threadgate";
    static final String CHAT_PROXY = "did:web:api.bsky.chat#bsky_chat";

    /** The largest image blob an {@code app.bsky.embed.images} embed accepts (its lexicon's maxSize). */
    static final int MAX_IMAGE_BYTES = 1_000_000;

    private final NetworkHttp http;
    private final MediaFetch fetch;
    private final Clock clock;

    public BlueskyAdapter(NetworkHttp http, MediaFetch fetch, Clock clock) {
        this.http = http;
        this.fetch = fetch;
        this.clock = clock;
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
        return publish(account, text, java.util.List.of(), idempotencyKey, false);
    }

    /**
     * Images are downloaded, each uploaded with {@code com.atproto.repo.uploadBlob} and embedded as
     * {@code app.bsky.embed.images}. A blob not referenced by a record is garbage-collected by the PDS, so
     * uploads repeated after a crash are harmless; the record itself stays exactly once by its key.
     */
    @Override
    public Uni<Outcome> publish(Account account, String text, java.util.List<String> mediaUrls, String idempotencyKey,
                                boolean reconciling) {
        String rkey = RecordKeys.of(idempotencyKey);
        return session(account)
                .chain(session -> images(account, session, mediaUrls)
                        .chain(embed -> create(account, session, text, rkey, embed)))
                .onFailure().recoverWithItem(Refusal::recover);
    }

    /** The images embed of the media, or null without media. */
    private Uni<Map<String, Object>> images(Account account, Session session, java.util.List<String> mediaUrls) {
        if (mediaUrls.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return fetch.fetchAll(mediaUrls).chain(files -> {
            Uni<java.util.List<Object>> images = Uni.createFrom().item(new java.util.ArrayList<>());
            for (MediaFetch.Medium file : files) {
                images = images.chain(uploaded -> blob(account, session, file).map(blob -> {
                    // alt is required by the lexicon; variants carry no alt text yet, so it is empty.
                    uploaded.add(Map.of("alt", "", "image", blob));
                    return uploaded;
                }));
            }
            return images.map(uploaded -> Map.<String, Object>of("$type", "app.bsky.embed.images", "images", uploaded));
        });
    }

    private Uni<JsonNode> blob(Account account, Session session, MediaFetch.Medium file) {
        if (file.kind() != MediaKind.IMAGE) {
            throw new Refusal(new Outcome.Permanent("medium " + file.index() + ": Bluesky posts embed images only, this is "
                    + file.contentType()));
        }
        if (file.bytes().length > MAX_IMAGE_BYTES) {
            throw new Refusal(new Outcome.Permanent("medium " + file.index() + " is " + file.bytes().length
                    + " bytes; Bluesky images take at most " + MAX_IMAGE_BYTES));
        }
        var request = xrpc(account, session, "com.atproto.repo.uploadBlob").header("Content-Type", file.contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file.bytes())).build();
        return http.send(request).map(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response, body));
            }
            return body.path("blob");
        });
    }

    private Uni<Outcome> create(Account account, Session session, String text, String rkey, Map<String, Object> embed) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", COLLECTION);
        record.put("text", text);
        record.put("createdAt", clock.instant().toString());
        if (embed != null) {
            record.put("embed", embed);
        }
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

    /** A post as getPosts gives it: where it is (uri, cid), whose repo, and the root of its thread. */
    record Target(String uri, String cid, String did, String rootUri, String rootCid) {

        String rkey() {
            return uri.substring(uri.lastIndexOf('/') + 1);
        }

        static String didOf(String atUri) {
            return atUri.substring("at://".length(), atUri.indexOf('/', "at://".length()));
        }
    }

    private Uni<Session> session(Account account) {
        return login(account).map(login -> {
            if (login instanceof Login.Opened opened) {
                return opened.session();
            }
            throw new Refusal(((Login.Refused) login).outcome());
        });
    }

    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately,
                              String idempotencyKey, boolean reconciling) {
        return session(account).chain(session -> find(account, session, target).chain(post -> {
            if (post == null) {
                throw new Refusal(new Outcome.Permanent("the post to answer is no longer on the network"));
            }
            return privately ? message(account, session, post.did(), text, reconciling)
                    : answer(account, session, post, text, RecordKeys.of(idempotencyKey));
        })).onFailure().recoverWithItem(Refusal::recover);
    }

    private Uni<Outcome> answer(Account account, Session session, Target post, String text, String rkey) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", COLLECTION);
        record.put("text", text);
        record.put("createdAt", clock.instant().toString());
        record.put("reply", Map.of("root", Map.of("uri", post.rootUri(), "cid", post.rootCid()),
                "parent", Map.of("uri", post.uri(), "cid", post.cid())));
        var request = xrpc(account, session, "com.atproto.repo.createRecord")
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("repo", session.did(), "collection", COLLECTION, "rkey", rkey, "record", record)))
                .build();
        String uri = "at://" + session.did() + "/" + COLLECTION + "/" + rkey;
        return http.send(request).map(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() == 200 || (response.statusCode() == 400 && alreadyExists(body))) {
                return new Outcome.Published(body.path("uri").asText(uri), webUrl(account, rkey));
            }
            return failure(response, body);
        });
    }

    private Uni<Outcome> message(Account account, Session session, String recipient, String text, boolean reconciling) {
        var convo = xrpc(account, session, "chat.bsky.convo.getConvoForMembers?members=" + encode(recipient))
                .header("atproto-proxy", CHAT_PROXY).GET().build();
        return http.send(convo).chain(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response, body));
            }
            String convoId = body.path("convo").path("id").asText();
            Uni<String> earlier = reconciling ? sentBefore(account, session, convoId, text) : Uni.createFrom().nullItem();
            return earlier.chain(id -> id != null
                    ? Uni.createFrom().item((Outcome) new Outcome.Published(id, null))
                    : send(account, session, convoId, text));
        });
    }

    /** The id of a message with this text the brand already sent in the conversation, or null. */
    private Uni<String> sentBefore(Account account, Session session, String convoId, String text) {
        var request = xrpc(account, session, "chat.bsky.convo.getMessages?limit=100&convoId=" + encode(convoId))
                .header("atproto-proxy", CHAT_PROXY).GET().build();
        return http.send(request).map(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response, body));
            }
            for (JsonNode message : body.path("messages")) {
                if (session.did().equals(message.path("sender").path("did").asText()) && text.equals(message.path("text").asText())) {
                    return message.path("id").asText();
                }
            }
            return null;
        });
    }

    private Uni<Outcome> send(Account account, Session session, String convoId, String text) {
        var request = xrpc(account, session, "chat.bsky.convo.sendMessage")
                .header("atproto-proxy", CHAT_PROXY).header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("convoId", convoId, "message", Map.of("text", text)))).build();
        return http.send(request).map(response -> {
            JsonNode body = http.read(response);
            return response.statusCode() == 200 ? new Outcome.Published(body.path("id").asText(), null) : failure(response, body);
        });
    }

    @Override
    public Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return session(account).chain(session -> find(account, session, target).chain(post -> {
            if (post == null) {
                throw new Refusal(new Outcome.Permanent("the post is no longer on the network"));
            }
            if (!session.did().equals(Target.didOf(post.rootUri()))) {
                return mute(account, session, post.rootUri(), hidden);
            }
            return gate(account, session, post, hidden);
        })).onFailure().recoverWithItem(Refusal::recover);
    }

    /** Adds the reply to (or removes it from) the hiddenReplies of the brand's thread, keeping the gate's other rules. */
    private Uni<Outcome> gate(Account account, Session session, Target post, boolean hidden) {
        String rootRkey = post.rootUri().substring(post.rootUri().lastIndexOf('/') + 1);
        var read = xrpc(account, session, "com.atproto.repo.getRecord?repo=" + encode(session.did())
                + "&collection=" + THREADGATE + "&rkey=" + encode(rootRkey)).GET().build();
        return http.send(read).chain(response -> {
            JsonNode body = http.read(response);
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("$type", THREADGATE);
            gate.put("post", post.rootUri());
            gate.put("createdAt", clock.instant().toString());
            java.util.LinkedHashSet<String> hiddenReplies = new java.util.LinkedHashSet<>();
            if (response.statusCode() == 200) {
                JsonNode existing = body.path("value");
                if (existing.has("allow")) {
                    gate.put("allow", existing.get("allow"));
                }
                if (existing.has("createdAt")) {
                    gate.put("createdAt", existing.get("createdAt").asText());
                }
                existing.path("hiddenReplies").forEach(uri -> hiddenReplies.add(uri.asText()));
            } else if (!"RecordNotFound".equals(body.path("error").asText())) {
                throw new Refusal(failure(response, body));
            }
            if (hidden) {
                hiddenReplies.add(post.uri());
            } else {
                hiddenReplies.remove(post.uri());
            }
            gate.put("hiddenReplies", java.util.List.copyOf(hiddenReplies));
            var write = xrpc(account, session, "com.atproto.repo.putRecord").header("Content-Type", "application/json")
                    .POST(http.jsonBody(Map.of("repo", session.did(), "collection", THREADGATE, "rkey", rootRkey, "record", gate)))
                    .build();
            return http.send(write).map(written -> written.statusCode() == 200
                    ? new Outcome.Published(null, null) : failure(written, http.read(written)));
        });
    }

    private Uni<Outcome> mute(Account account, Session session, String rootUri, boolean hidden) {
        var request = xrpc(account, session, hidden ? "app.bsky.graph.muteThread" : "app.bsky.graph.unmuteThread")
                .header("Content-Type", "application/json").POST(http.jsonBody(Map.of("root", rootUri))).build();
        return http.send(request).map(response -> response.statusCode() == 200
                ? new Outcome.Published(null, null) : failure(response, http.read(response)));
    }

    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        return session(account).chain(session -> uriOf(account, session, target).chain(uri -> {
            if (!session.did().equals(Target.didOf(uri))) {
                throw new Refusal(new Outcome.Permanent("Bluesky lets an account delete only its own posts; hide instead"));
            }
            // deleteRecord succeeds on a record already gone: a repeated delete is harmless.
            var request = xrpc(account, session, "com.atproto.repo.deleteRecord").header("Content-Type", "application/json")
                    .POST(http.jsonBody(Map.of("repo", session.did(), "collection", COLLECTION,
                            "rkey", uri.substring(uri.lastIndexOf('/') + 1)))).build();
            return http.send(request).map(response -> response.statusCode() == 200
                    ? new Outcome.Published(null, null) : failure(response, http.read(response)));
        })).onFailure().recoverWithItem(Refusal::recover);
    }

    /** The post with its strong ref and thread root, or null when the network no longer has it. */
    private Uni<Target> find(Account account, Session session, Interaction target) {
        return uriOf(account, session, target).chain(uri -> http.send(
                xrpc(account, session, "app.bsky.feed.getPosts?uris=" + encode(uri)).GET().build()).map(response -> {
            JsonNode body = http.read(response);
            if (response.statusCode() != 200) {
                throw new Refusal(failure(response, body));
            }
            JsonNode post = body.path("posts").path(0);
            if (post.isMissingNode()) {
                return null;
            }
            JsonNode root = post.path("record").path("reply").path("root");
            String postUri = post.path("uri").asText();
            String cid = post.path("cid").asText();
            return root.isMissingNode()
                    ? new Target(postUri, cid, Target.didOf(postUri), postUri, cid)
                    : new Target(postUri, cid, Target.didOf(postUri), root.path("uri").asText(), root.path("cid").asText());
        }));
    }

    /** The at:// URI: given, or from https://bsky.app/profile/{handle or did}/post/{rkey}. */
    private Uni<String> uriOf(Account account, Session session, Interaction target) {
        String reference = target.reference();
        if (reference.startsWith("at://")) {
            return Uni.createFrom().item(reference);
        }
        java.util.regex.Matcher url = WEB_URL.matcher(reference);
        if (!url.matches()) {
            return Uni.createFrom().failure(new Refusal(new Outcome.Permanent("not a Bluesky post: " + reference)));
        }
        String actor = url.group(1);
        String rkey = url.group(2);
        if (actor.startsWith("did:")) {
            return Uni.createFrom().item("at://" + actor + "/" + COLLECTION + "/" + rkey);
        }
        return http.send(xrpc(account, session, "com.atproto.identity.resolveHandle?handle=" + encode(actor)).GET().build())
                .map(response -> {
                    JsonNode body = http.read(response);
                    if (response.statusCode() != 200) {
                        throw new Refusal(failure(response, body));
                    }
                    return "at://" + body.path("did").asText() + "/" + COLLECTION + "/" + rkey;
                });
    }

    private static final java.util.regex.Pattern WEB_URL =
            java.util.regex.Pattern.compile("https://[^/]+/profile/([^/]+)/post/([^/?#]+)");

    private java.net.http.HttpRequest.Builder xrpc(Account account, Session session, String method) {
        return http.request(account.baseUrl() + "/xrpc/" + method).header("Authorization", "Bearer " + session.accessJwt());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An expired session is retried with a new one; otherwise the common mapping. */
    private static Outcome failure(ReceivedResponse response, JsonNode body) {
        if ("ExpiredToken".equals(body.path("error").asText())) {
            return new Outcome.Retry(null, reason(body, response));
        }
        return HttpAnswers.failure(response, reason(body, response), RESET_HEADER);
    }
}
