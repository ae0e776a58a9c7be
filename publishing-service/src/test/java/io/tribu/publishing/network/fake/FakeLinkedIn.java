package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LinkedIn's versioned Posts API: {@code POST /rest/posts} needs {@code LinkedIn-Version} (else 426 as
 * LinkedIn answers a missing or retired version) and {@code X-Restli-Protocol-Version: 2.0.0}; 201 with
 * the URN in {@code x-restli-id}; the same commentary again from the same author is 422 "Content is a
 * duplicate of urn:li:share:..."; {@code GET /rest/socialActions/{urn}}. Images:
 * {@code POST /rest/images?action=initializeUpload} (owner must be a URN) answers an upload URL on this
 * server and the image URN; the PUT of the bytes there (bearer token) makes it AVAILABLE; a post's
 * {@code content.media.id} or {@code content.multiImage.images[].id} must name available images of its author.
 * Comments (Community Management): URNs in paths must be URL-encoded (else 400, as Rest.li 2.0 answers);
 * {@code GET|POST /rest/socialActions/{post or comment URN}/comments} list or create (a nested comment names its
 * {@code parentComment}, which must be the comment of the path; 201 with the new {@code commentUrn}),
 * {@code DELETE /rest/socialActions/{post URN}/comments/{id}?actor=} (204; 404 unknown; 403 unless the actor
 * wrote the comment or the post). A list pages with {@code start} and {@code count} (at most 100) and says how many
 * there are in {@code paging.total}; each element has its {@code $URN}, {@code created.time} and {@code lastModified.time}
 * (epoch milliseconds) and {@code commentsSummary.totalFirstLevelComments}; listing under a comment that does not exist
 * (deleted) or a post deleted ({@link #deletePost}) is 404. An unknown token is 401 {@code INVALID_ACCESS_TOKEN}.
 */
public class FakeLinkedIn extends FakeNetwork {

    public static final String TOKEN = "fake-linkedin-token";
    public static final String ORGANIZATION = "urn:li:organization:2414183";

    private final AtomicLong ids = new AtomicLong(7260000000000000000L);
    private final Map<String, String> byText = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> posts = new ConcurrentHashMap<>();
    /** Image URN to its owner, and to its size once its bytes arrived. */
    private final Map<String, String> imageOwners = new ConcurrentHashMap<>();
    private final Map<String, Integer> available = new ConcurrentHashMap<>();
    /** Comment URN to the comment as LinkedIn returns it. */
    private final Map<String, Map<String, Object>> comments = new ConcurrentHashMap<>();
    /** The {@code start} of every comment list call, by the URN listed under, in order. */
    private final Map<String, java.util.List<Integer>> listed = new ConcurrentHashMap<>();
    /** A list call under this URN from this start fails once (503). */
    private final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> deletedPosts = ConcurrentHashMap.newKeySet();

    public static final String CLIENT_ID = "tribu-linkedin-client";
    public static final String CLIENT_SECRET = "linkedin-secret";
    public static final String REFRESH_TOKEN = "AQW-linkedin-refresh";
    private final java.util.Set<String> accessTokens = ConcurrentHashMap.newKeySet();

    public FakeLinkedIn() {
        this(0);
    }

    /**
     * On the port the %test profile names as the network's API ({@code tribu.networks.*-url}): the fake
     * the service itself calls, since a channel cannot choose the API host of this network.
     */
    public static FakeLinkedIn forTheService() {
        return new FakeLinkedIn(FixedHosts.LINKEDIN_PORT);
    }

    private FakeLinkedIn(int port) {
        super(port);
        accessTokens.add(TOKEN);
    }

    public boolean accepts(String accessToken) {
        return accessTokens.contains(accessToken);
    }

    /** {@code POST /oauth/v2/accessToken}: client id and secret in the form; LinkedIn keeps the refresh token. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
            return;
        }
        if (!REFRESH_TOKEN.equals(form.get("refresh_token"))) {
            answer(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"The provided authorization grant or refresh token is invalid, expired or revoked\"}");
            return;
        }
        String access = "AQV-linkedin-" + ids.incrementAndGet();
        accessTokens.add(access);
        answer(exchange, 200, Map.of("access_token", access, "expires_in", 5184000));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/oauth/v2/accessToken")) {
            token(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            answer(exchange, 401, "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\","
                    + "\"message\":\"Invalid access token\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        // The upload URL is not a versioned API call: only the bearer token is needed.
        if (path.startsWith("/dms-uploads/") && exchange.getRequestMethod().equals("PUT")) {
            String urn = "urn:li:image:" + path.split("/")[2];
            if (!imageOwners.containsKey(urn)) {
                answer(exchange, 404, "");
                return;
            }
            available.put(urn, exchange.getRequestBody().readAllBytes().length);
            answer(exchange, 201, "");
            return;
        }
        String version = exchange.getRequestHeaders().getFirst("LinkedIn-Version");
        if (version == null || !version.matches("\\d{6}")) {
            answer(exchange, 426, "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version "
                    + version + " is not active\"}");
            return;
        }
        if (path.equals("/rest/posts") && exchange.getRequestMethod().equals("POST")) {
            JsonNode body = body(exchange);
            if (!"2.0.0".equals(exchange.getRequestHeaders().getFirst("X-Restli-Protocol-Version"))
                    || !body.path("author").asText().startsWith("urn:li:") || !body.has("distribution")) {
                answer(exchange, 422, "{\"status\":422,\"message\":\"ERROR :: /author :: is not a valid urn\"}");
                return;
            }
            String unavailable = unavailableImage(body);
            if (unavailable != null) {
                answer(exchange, 422, "{\"status\":422,\"message\":\"ERROR :: /content :: " + unavailable + " is not AVAILABLE\"}");
                return;
            }
            String key = body.path("author").asText() + "\n" + body.path("commentary").asText();
            String existing = byText.get(key);
            if (existing != null) {
                answer(exchange, 422, "{\"status\":422,\"message\":\"Content is a duplicate of " + existing + "\"}");
                return;
            }
            String urn = "urn:li:share:" + ids.incrementAndGet();
            byText.put(key, urn);
            posts.put(urn, body);
            exchange.getResponseHeaders().add("x-restli-id", urn);
            answer(exchange, 201, "");
        } else if (path.equals("/rest/images") && "action=initializeUpload".equals(exchange.getRequestURI().getQuery())) {
            String owner = body(exchange).path("initializeUploadRequest").path("owner").asText();
            if (!owner.startsWith("urn:li:")) {
                answer(exchange, 422, "{\"status\":422,\"message\":\"ERROR :: /initializeUploadRequest/owner :: is not a valid urn\"}");
                return;
            }
            String asset = "C4E10AQ" + ids.incrementAndGet();
            imageOwners.put("urn:li:image:" + asset, owner);
            answer(exchange, 200, Map.of("value", Map.of("uploadUrlExpiresAt", System.currentTimeMillis() + 3_600_000,
                    "uploadUrl", baseUrl() + "/dms-uploads/" + asset + "/uploadedImage/0?ca=vector_feedshare",
                    "image", "urn:li:image:" + asset)));
        } else if (path.startsWith("/rest/socialActions/") && path.contains("/comments")) {
            comments(exchange);
        } else if (path.startsWith("/rest/socialActions/")) {
            answer(exchange, 200, Map.of("likesSummary", Map.of("totalLikes", 31),
                    "commentsSummary", Map.of("aggregatedTotalComments", 4)));
        } else {
            answer(exchange, 404, "{\"status\":404,\"message\":\"Not Found\"}");
        }
    }

    private void comments(HttpExchange exchange) throws IOException {
        String[] segments = exchange.getRequestURI().getRawPath().split("/");
        // /rest/socialActions/{urn}/comments[/{id}]
        if (segments[3].contains(":")) {
            answer(exchange, 400, "{\"status\":400,\"message\":\"Syntax exception in path variables\"}");
            return;
        }
        String target = java.net.URLDecoder.decode(segments[3], java.nio.charset.StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && segments.length == 5) {
            if (!"2.0.0".equals(exchange.getRequestHeaders().getFirst("X-Restli-Protocol-Version"))) {
                answer(exchange, 400, "{\"status\":400,\"message\":\"Rest.li protocol version 2.0.0 required\"}");
                return;
            }
            int start = query(exchange, "start") == null ? 0 : Integer.parseInt(query(exchange, "start"));
            int count = query(exchange, "count") == null ? 10 : Math.min(100, Integer.parseInt(query(exchange, "count")));
            listed.computeIfAbsent(target, urn -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(start);
            if (failing.remove(target + " " + start)) {
                answer(exchange, 503, "{\"status\":503,\"message\":\"Service Unavailable\"}");
                return;
            }
            if (target.startsWith("urn:li:comment:") ? !comments.containsKey(target) : deletedPosts.contains(target)) {
                answer(exchange, 404, "{\"status\":404,\"serviceErrorCode\":0,\"code\":\"NOT_FOUND\",\"message\":\""
                        + target + " does not exist\"}");
                return;
            }
            java.util.List<Map<String, Object>> under = commentsUnder(target);
            java.util.List<Map<String, Object>> elements = new java.util.ArrayList<>();
            for (Map<String, Object> comment : under.subList(Math.min(start, under.size()), Math.min(start + count, under.size()))) {
                Map<String, Object> element = new java.util.LinkedHashMap<>(comment);
                element.put("commentsSummary", Map.of("totalFirstLevelComments", commentsUnder((String) comment.get("commentUrn")).size(),
                        "aggregatedTotalComments", commentsUnder((String) comment.get("commentUrn")).size()));
                elements.add(element);
            }
            answer(exchange, 200, Map.of("paging", Map.of("start", start, "count", count, "total", under.size()), "elements", elements));
        } else if (method.equals("POST") && segments.length == 5) {
            JsonNode body = body(exchange);
            String object = body.path("object").asText();
            String parent = body.path("parentComment").asText(null);
            boolean onComment = target.startsWith("urn:li:comment:");
            if (!body.path("actor").asText().startsWith("urn:li:") || body.path("message").path("text").asText("").isEmpty()
                    || (onComment ? !target.equals(parent) || !target.contains("(" + object + ",") : !target.equals(object))) {
                answer(exchange, 422, "{\"status\":422,\"message\":\"ERROR :: /object :: does not match the target of the comment\"}");
                return;
            }
            if (onComment && !comments.containsKey(target)) {
                answer(exchange, 404, "{\"status\":404,\"message\":\"Parent comment " + target + " does not exist\"}");
                return;
            }
            String id = Long.toString(ids.incrementAndGet());
            Map<String, Object> comment = new java.util.LinkedHashMap<>();
            comment.put("actor", body.path("actor").asText());
            comment.put("object", object);
            comment.put("message", Map.of("text", body.path("message").path("text").asText()));
            if (parent != null) {
                comment.put("parentComment", parent);
            }
            comment.put("id", id);
            comment.put("commentUrn", "urn:li:comment:(" + object + "," + id + ")");
            comment.put("$URN", comment.get("commentUrn"));
            long now = System.currentTimeMillis();
            comment.put("created", Map.of("actor", comment.get("actor"), "time", now));
            comment.put("lastModified", Map.of("actor", comment.get("actor"), "time", now));
            comments.put((String) comment.get("commentUrn"), comment);
            exchange.getResponseHeaders().add("x-restli-id", id);
            answer(exchange, 201, comment);
        } else if (method.equals("DELETE") && segments.length == 6) {
            String urn = "urn:li:comment:(" + target + "," + segments[5] + ")";
            Map<String, Object> comment = comments.get(urn);
            if (comment == null) {
                answer(exchange, 404, "{\"status\":404,\"message\":\"Comment " + urn + " does not exist\"}");
                return;
            }
            String actor = query(exchange, "actor");
            JsonNode post = posts.get(target);
            if (!String.valueOf(actor).equals(comment.get("actor")) && (post == null || !post.path("author").asText().equals(actor))) {
                answer(exchange, 403, "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\","
                        + "\"message\":\"Not enough permissions to access: partnerApiSocialActions.DELETE.20241101\"}");
                return;
            }
            comments.remove(urn);
            answer(exchange, 204, "");
        } else {
            answer(exchange, 405, "{\"status\":405,\"message\":\"Method not allowed\"}");
        }
    }

    /** Someone's comment on a post, as if written on LinkedIn; its URN. */
    public String comment(String postUrn, String actor, String text) {
        return comment(postUrn, actor, text, java.time.Instant.now());
    }

    /** Someone's comment on a post, written at {@code at}; its URN. */
    public String comment(String postUrn, String actor, String text, java.time.Instant at) {
        return written(postUrn, null, actor, text, at);
    }

    /** Someone's reply to a comment ({@code parentComment}), written at {@code at}; its URN. */
    public String reply(String commentUrn, String actor, String text, java.time.Instant at) {
        return written((String) comments.get(commentUrn).get("object"), commentUrn, actor, text, at);
    }

    private String written(String postUrn, String parent, String actor, String text, java.time.Instant at) {
        String id = Long.toString(ids.incrementAndGet());
        String urn = "urn:li:comment:(" + postUrn + "," + id + ")";
        Map<String, Object> comment = new java.util.LinkedHashMap<>(Map.of("actor", actor, "object", postUrn,
                "message", Map.of("text", text), "id", id, "commentUrn", urn, "$URN", urn,
                "created", Map.of("actor", actor, "time", at.toEpochMilli()), "lastModified", Map.of("actor", actor, "time", at.toEpochMilli())));
        if (parent != null) {
            comment.put("parentComment", parent);
        }
        comments.put(urn, comment);
        return urn;
    }

    /** A post of {@code author} made elsewhere (its comments may be deleted by that author). */
    public void publishedBy(String urn, String author) {
        posts.put(urn, JSON.createObjectNode().put("author", author));
    }

    /** The author edits the comment at {@code at}. */
    public void edit(String urn, String text, java.time.Instant at) {
        Map<String, Object> comment = comments.get(urn);
        comment.put("message", Map.of("text", text));
        comment.put("lastModified", Map.of("actor", comment.get("actor"), "time", at.toEpochMilli()));
    }

    /** The comment is deleted on LinkedIn (by its author), its replies with it. */
    public void deleteComment(String urn) {
        comments.remove(urn);
        comments.values().removeIf(c -> urn.equals(c.get("parentComment")));
    }

    /** The post is deleted on LinkedIn: listing its comments is 404. */
    public void deletePost(String urn) {
        deletedPosts.add(urn);
    }

    /** The next list call under {@code urn} from {@code start} fails (503). */
    public void failList(String urn, int start) {
        failing.add(urn + " " + start);
    }

    /** The {@code start} of every list call under {@code urn} so far, in order. */
    public java.util.List<Integer> listCalls(String urn) {
        return java.util.List.copyOf(listed.getOrDefault(urn, java.util.List.of()));
    }

    /** The comments under a post or a comment, oldest first. */
    public java.util.List<Map<String, Object>> commentsUnder(String urn) {
        return comments.values().stream()
                .filter(c -> urn.equals(c.get("parentComment")) || (urn.equals(c.get("object")) && !c.containsKey("parentComment")))
                .sorted(java.util.Comparator.comparing(c -> Long.parseLong((String) c.get("id"))))
                .toList();
    }

    public boolean hasComment(String urn) {
        return comments.containsKey(urn);
    }

    /** The first image the post names that is not an uploaded image of its author, or null. */
    private String unavailableImage(JsonNode post) {
        JsonNode content = post.path("content");
        java.util.List<String> named = new java.util.ArrayList<>();
        if (content.has("media")) {
            named.add(content.path("media").path("id").asText());
        }
        content.path("multiImage").path("images").forEach(image -> named.add(image.path("id").asText()));
        for (String urn : named) {
            if (!available.containsKey(urn) || !post.path("author").asText().equals(imageOwners.get(urn))) {
                return urn;
            }
        }
        return null;
    }

    /** Bytes received for this image, or null when none were. */
    public Integer imageSize(String urn) {
        return available.get(urn);
    }

    public JsonNode post(String urn) {
        return posts.get(urn);
    }

    public int count() {
        return posts.size();
    }
}
