package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Bluesky PDS: {@code com.atproto.server.createSession} (identifier + app password),
 * {@code com.atproto.repo.createRecord} (a record key in use answers 400 InvalidRequest "Record already
 * exists", as the PDS does), {@code app.bsky.feed.getPosts}; for moderation
 * {@code com.atproto.identity.resolveHandle}, {@code com.atproto.repo.getRecord/putRecord} (the
 * threadgate), {@code deleteRecord}, {@code app.bsky.graph.muteThread/unmuteThread} and the chat
 * methods {@code chat.bsky.convo.getConvoForMembers/getMessages/sendMessage}, which need the
 * {@code atproto-proxy} header as the PDS does to route them to the chat service. Media:
 * {@code com.atproto.repo.uploadBlob} (raw bytes, their Content-Type as mimeType) and the
 * {@code app.bsky.embed.images} embed of a post, validated as the PDS validates the record: known blobs,
 * at most 4 images, each at most 1,000,000 bytes, {@code alt} present.
 */
public class FakeBluesky extends FakeNetwork {

    public static final String IDENTIFIER = "cafe.bsky.social";
    public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    static final String DID = "did:plc:z72i7hdynmk6r22z27h6tvur";
    static final String JWT = "fake-access-jwt";

    private final Map<String, JsonNode> records = new ConcurrentHashMap<>();
    private final Map<String, String> handles = new ConcurrentHashMap<>();
    private final java.util.Set<String> mutedThreads = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> closedInboxes = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.List<Map<String, Object>>> conversations = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger messageIds = new java.util.concurrent.atomic.AtomicInteger();

    private final Map<String, JsonNode> blobs = new ConcurrentHashMap<>();

    public FakeBluesky() {
        super(0);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/xrpc/com.atproto.server.createSession")) {
            JsonNode body = body(exchange);
            if (!IDENTIFIER.equals(body.path("identifier").asText()) || !APP_PASSWORD.equals(body.path("password").asText())) {
                answer(exchange, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
                return;
            }
            answer(exchange, 200, Map.of("did", DID, "handle", IDENTIFIER, "accessJwt", JWT, "refreshJwt", "fake-refresh-jwt",
                    "active", true));
            return;
        }
        if (!("Bearer " + JWT).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
            return;
        }
        if (path.equals("/xrpc/com.atproto.repo.createRecord")) {
            JsonNode body = body(exchange);
            JsonNode record = body.path("record");
            if (!"app.bsky.feed.post".equals(record.path("$type").asText()) || !record.hasNonNull("createdAt")) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Invalid app.bsky.feed.post record\"}");
                return;
            }
            String invalidEmbed = invalidEmbed(record.path("embed"));
            if (invalidEmbed != null) {
                answer(exchange, 400, JSON.writeValueAsString(Map.of("error", "InvalidRequest", "message", invalidEmbed)));
                return;
            }
            String uri = "at://" + body.path("repo").asText() + "/app.bsky.feed.post/" + body.path("rkey").asText();
            JsonNode parent = record.path("reply").path("parent");
            if (record.has("reply") && (!records.containsKey(parent.path("uri").asText()) || !parent.hasNonNull("cid")
                    || !record.path("reply").path("root").hasNonNull("cid"))) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Invalid reply: parent not found or missing cid\"}");
                return;
            }
            if (records.putIfAbsent(uri, record) != null) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Record already exists\"}");
                return;
            }
            answer(exchange, 200, Map.of("uri", uri, "cid", "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q"));
        } else if (path.equals("/xrpc/com.atproto.repo.uploadBlob")) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String cid = "bafkrei" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + blobs.size();
            var blob = JSON.createObjectNode().put("$type", "blob");
            blob.putObject("ref").put("$link", cid);
            blob.put("mimeType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))).put("size", bytes.length);
            blobs.put(cid, blob);
            answer(exchange, 200, Map.of("blob", blob));
        } else if (path.equals("/xrpc/app.bsky.feed.getPosts")) {
            String uri = query(exchange, "uris");
            List<Object> posts = records.containsKey(uri)
                    ? List.of(Map.of("uri", uri, "cid", cidOf(uri), "author", Map.of("did", uri.split("/")[2]),
                    "record", records.get(uri), "likeCount", 8, "repostCount", 2, "quoteCount", 1, "replyCount", 4))
                    : List.of();
            answer(exchange, 200, Map.of("posts", posts));
        } else if (path.equals("/xrpc/com.atproto.identity.resolveHandle")) {
            String did = handles.get(query(exchange, "handle"));
            if (did == null) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Unable to resolve handle\"}");
            } else {
                answer(exchange, 200, Map.of("did", did));
            }
        } else if (path.equals("/xrpc/com.atproto.repo.getRecord")) {
            String uri = "at://" + query(exchange, "repo") + "/" + query(exchange, "collection") + "/" + query(exchange, "rkey");
            JsonNode value = records.get(uri);
            if (value == null) {
                answer(exchange, 400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record: " + uri + "\"}");
            } else {
                answer(exchange, 200, Map.of("uri", uri, "cid", cidOf(uri), "value", value));
            }
        } else if (path.equals("/xrpc/com.atproto.repo.putRecord")) {
            JsonNode body = body(exchange);
            if (!DID.equals(body.path("repo").asText())) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Can only write to your own repo\"}");
                return;
            }
            String uri = "at://" + DID + "/" + body.path("collection").asText() + "/" + body.path("rkey").asText();
            records.put(uri, body.path("record"));
            answer(exchange, 200, Map.of("uri", uri, "cid", cidOf(uri)));
        } else if (path.equals("/xrpc/com.atproto.repo.deleteRecord")) {
            JsonNode body = body(exchange);
            if (!DID.equals(body.path("repo").asText())) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Can only write to your own repo\"}");
                return;
            }
            records.remove("at://" + DID + "/" + body.path("collection").asText() + "/" + body.path("rkey").asText());
            answer(exchange, 200, Map.of());
        } else if (path.equals("/xrpc/app.bsky.graph.muteThread") || path.equals("/xrpc/app.bsky.graph.unmuteThread")) {
            String root = body(exchange).path("root").asText();
            if (path.endsWith("muteThread") && !path.endsWith("unmuteThread")) {
                mutedThreads.add(root);
            } else {
                mutedThreads.remove(root);
            }
            answer(exchange, 200, "");
        } else if (path.startsWith("/xrpc/chat.bsky.convo.")) {
            chat(exchange, path.substring("/xrpc/chat.bsky.convo.".length()));
        } else {
            answer(exchange, 404, "{\"error\":\"MethodNotImplemented\"}");
        }
    }

    private void chat(HttpExchange exchange, String method) throws IOException {
        if (!"did:web:api.bsky.chat#bsky_chat".equals(exchange.getRequestHeaders().getFirst("atproto-proxy"))) {
            answer(exchange, 501, "{\"error\":\"MethodNotImplemented\",\"message\":\"Method Not Implemented\"}");
            return;
        }
        switch (method) {
            case "getConvoForMembers" -> {
                String member = query(exchange, "members");
                if (closedInboxes.contains(member)) {
                    answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"recipient has disabled incoming messages\"}");
                    return;
                }
                conversations.computeIfAbsent("convo-" + member, id -> new java.util.concurrent.CopyOnWriteArrayList<>());
                answer(exchange, 200, Map.of("convo", Map.of("id", "convo-" + member)));
            }
            case "getMessages" -> answer(exchange, 200, Map.of("messages",
                    conversations.getOrDefault(query(exchange, "convoId"), List.of())));
            case "sendMessage" -> {
                JsonNode body = body(exchange);
                var messages = conversations.get(body.path("convoId").asText());
                if (messages == null) {
                    answer(exchange, 400, "{\"error\":\"InvalidConvo\",\"message\":\"Convo not found\"}");
                    return;
                }
                Map<String, Object> message = Map.of("id", "msg" + messageIds.incrementAndGet(), "text",
                        body.path("message").path("text").asText(), "sender", Map.of("did", DID), "sentAt", java.time.Instant.now().toString());
                messages.add(0, message);
                answer(exchange, 200, message);
            }
            default -> answer(exchange, 404, "{\"error\":\"MethodNotImplemented\"}");
        }
    }

    /** The PDS's record validation of an images embed: null when valid, else its message. */
    private String invalidEmbed(JsonNode embed) {
        if (embed.isMissingNode()) {
            return null;
        }
        if (!"app.bsky.embed.images".equals(embed.path("$type").asText())) {
            return "Invalid app.bsky.feed.post record: Record/embed has an unknown $type";
        }
        JsonNode images = embed.path("images");
        if (images.size() > 4) {
            return "Invalid app.bsky.feed.post record: Record/embed/images must not have more than 4 elements";
        }
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = images.get(i);
            if (!image.has("alt")) {
                return "Invalid app.bsky.feed.post record: Record/embed/images/" + i + " must have the property \"alt\"";
            }
            JsonNode blob = blobs.get(image.path("image").path("ref").path("$link").asText());
            if (blob == null) {
                return "Could not find blob: " + image.path("image").path("ref").path("$link").asText();
            }
            if (!blob.path("mimeType").asText().startsWith("image/")) {
                return "Invalid app.bsky.feed.post record: Record/embed/images/" + i + "/image mimeType is not accepted";
            }
            if (blob.path("size").asLong() > 1_000_000) {
                return "Invalid app.bsky.feed.post record: Record/embed/images/" + i + "/image file too large. "
                        + blob.path("size").asLong() + " bytes (maximum 1000000)";
            }
        }
        return null;
    }

    private static String cidOf(String uri) {
        return "bafyrei" + Integer.toHexString(uri.hashCode());
    }

    /** Someone else's post (a reply to {@code parentUri} when given, in the thread of {@code rootUri}); returns its at:// URI. */
    public String othersPost(String did, String handle, String rkey, String text, String parentUri, String rootUri) {
        handles.put(handle, did);
        var record = JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text)
                .put("createdAt", java.time.Instant.now().toString());
        if (parentUri != null) {
            var reply = record.putObject("reply");
            reply.putObject("parent").put("uri", parentUri).put("cid", cidOf(parentUri));
            reply.putObject("root").put("uri", rootUri).put("cid", cidOf(rootUri));
        }
        String uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
        records.put(uri, record);
        return uri;
    }

    /** A post of the brand's own account, to be answered in its thread. */
    public String ownPost(String rkey, String text) {
        String uri = "at://" + DID + "/app.bsky.feed.post/" + rkey;
        records.put(uri, JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text)
                .put("createdAt", java.time.Instant.now().toString()));
        return uri;
    }

    public JsonNode record(String uri) {
        return records.get(uri);
    }

    public boolean threadMuted(String rootUri) {
        return mutedThreads.contains(rootUri);
    }

    public void closeInbox(String did) {
        closedInboxes.add(did);
    }

    public List<Map<String, Object>> messagesWith(String did) {
        return conversations.getOrDefault("convo-" + did, List.of());
    }

    public static String did() {
        return DID;
    }

    public int records() {
        return records.size();
    }
}
