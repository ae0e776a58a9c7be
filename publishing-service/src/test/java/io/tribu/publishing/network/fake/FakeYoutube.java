package io.tribu.publishing.network.fake;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * YouTube Data API v3 reads of comments, and Google's OAuth 2.0 token endpoint, in their real shapes:
 * {@code GET /youtube/v3/commentThreads?part=snippet&allThreadsRelatedToChannelId=} (a commentThreadListResponse,
 * threads newest first, {@code nextPageToken} while more remain), with {@code part=replies} the first
 * {@link #INLINE_REPLIES} replies of each thread in {@code replies.comments}, {@code GET /youtube/v3/comments?part=snippet&parentId=}
 * (a commentListResponse of the thread's replies, oldest first), and {@code POST /token} (refresh_token grant, client id
 * and secret in the form; {@code invalid_grant} once revoked). A bearer token it did not issue is 401 {@code authError};
 * {@link #exhaustQuota()} makes the next list call 403 {@code quotaExceeded}, as Google answers when the project's daily
 * units are spent. Pages hold {@link #pageSize} items (the API gives at most maxResults, 100).
 * <p>
 * Writes as the channel's owner: {@code POST /youtube/v3/comments?part=snippet} (a reply: {@code snippet.parentId} must be
 * a top-level comment, else 400 {@code operationNotSupported}; an unknown one 404 {@code parentCommentNotFound}),
 * {@code POST /youtube/v3/comments/setModerationStatus?id=&moderationStatus=} (204; 404 {@code commentNotFound}) and
 * {@code DELETE /youtube/v3/comments?id=} (204; 404 {@code commentNotFound}; 403 {@code forbidden} for a comment the
 * channel did not write). Lists show published comments only, as the API does by default; a rejected comment hides its
 * replies.
 */
public class FakeYoutube extends FakeNetwork {

    public static final String TOKEN = "ya29.fake-youtube-token";
    public static final String CLIENT_ID = "tribu-youtube.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "GOCSPX-fake-secret";
    public static final String REFRESH_TOKEN = "1//fake-youtube-refresh";

    /** A comment as the fake keeps it. */
    public record Comment(String id, String videoId, String parentId, String author, String authorChannelId, String text,
                          Instant publishedAt, Instant updatedAt) {
    }

    private final Map<String, List<Comment>> byChannel = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> threadPageTokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private volatile boolean refreshRevoked;
    private volatile boolean quotaExhausted;
    private volatile String failPageToken;
    public volatile int pageSize = 2;
    /** A thread list gives at most this many of a thread's replies ({@code part=replies}); the rest need comments.list. */
    public static final int INLINE_REPLIES = 5;
    private final Map<String, AtomicLong> replyReads = new ConcurrentHashMap<>();

    /** On the port of {@code %test.tribu.networks.youtube-url} and {@code google-oauth-url}. */
    public static FakeYoutube forTheService() {
        return new FakeYoutube(FixedHosts.YOUTUBE_PORT);
    }

    private FakeYoutube(int port) {
        super(port);
        accessTokens.add(TOKEN);
    }

    /** A top-level comment on the channel's video; returns it. */
    public Comment comment(String channelId, String videoId, String text, Instant at) {
        Comment comment = new Comment("Ugz" + ids.incrementAndGet() + "fake4AaABAg", videoId, null, "@viewer" + ids.get(),
                "UCviewer" + ids.get(), text, at, at);
        byChannel.computeIfAbsent(channelId, c -> new CopyOnWriteArrayList<>()).add(comment);
        return comment;
    }

    /** A reply in the thread of {@code parent}, by {@code authorChannelId} (the channel itself for the brand's answer). */
    public Comment reply(String channelId, Comment parent, String authorChannelId, String text, Instant at) {
        Comment reply = new Comment(parent.id() + ".AR" + ids.incrementAndGet(), parent.videoId(), parent.id(), "@author" + ids.get(),
                authorChannelId, text, at, at);
        byChannel.get(channelId).add(reply);
        return reply;
    }

    /** The author edits a comment: new text, updatedAt later. */
    public void edit(String channelId, Comment comment, String text, Instant at) {
        List<Comment> comments = byChannel.get(channelId);
        comments.replaceAll(c -> c.id().equals(comment.id())
                ? new Comment(c.id(), c.videoId(), c.parentId(), c.author(), c.authorChannelId(), text, c.publishedAt(), at) : c);
    }

    /** How many comments.list calls read the replies of the thread. */
    public long replyReads(String parentId) {
        return replyReads.getOrDefault(parentId, new AtomicLong()).get();
    }

    /** A comment's moderation status: published unless set otherwise. */
    public String status(String commentId) {
        return statuses.getOrDefault(commentId, "published");
    }

    /** Whether the comment is still on YouTube (not deleted). */
    public boolean exists(String commentId) {
        return byChannel.values().stream().flatMap(List::stream).anyMatch(c -> c.id().equals(commentId));
    }

    /** Every write taken, in order: "insert <parentId> <text>", "setModerationStatus <id> <status>", "delete <id>". */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** The replies in the thread of {@code parentId}. */
    public List<Comment> repliesTo(String parentId) {
        return byChannel.values().stream().flatMap(List::stream).filter(c -> parentId.equals(c.parentId())).toList();
    }

    public void revokeRefreshToken() {
        refreshRevoked = true;
    }

    public void restoreRefreshToken() {
        refreshRevoked = false;
    }

    public void exhaustQuota() {
        quotaExhausted = true;
    }

    /** The threads request carrying this page token answers 503 (once). */
    public void failPage(String pageToken) {
        failPageToken = pageToken;
    }

    /** The pageToken of every commentThreads request of the channel, "-" for a first page, in order. */
    public List<String> threadPageTokens(String channelId) {
        return List.copyOf(threadPageTokens.getOrDefault(channelId, List.of()));
    }

    /** The access tokens given by refreshes stop working. */
    public void expireRefreshedTokens() {
        accessTokens.removeIf(token -> token.startsWith("ya29.fake-refreshed-"));
    }

    /** Whether a refresh gave a token. */
    public boolean refreshed() {
        return ids.get() > 0 && accessTokens.stream().anyMatch(token -> token.startsWith("ya29.fake-refreshed-"));
    }

    /** The token of the page starting at item {@code offset}, as the fake writes them. */
    public static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("CDIQAA:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/token") && exchange.getRequestMethod().equals("POST")) {
            token(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            answer(exchange, 401, error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
                    + "cookie or other valid authentication credential.", "global", "authError", "UNAUTHENTICATED"));
            return;
        }
        if (quotaExhausted) {
            quotaExhausted = false;
            answer(exchange, 403, error(403, "The request cannot be completed because you have exceeded your "
                    + "<a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "youtube.quota", "quotaExceeded", null));
            return;
        }
        String pageToken = query(exchange, "pageToken");
        int offset = pageToken == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(pageToken),
                StandardCharsets.UTF_8).substring("CDIQAA:".length()));
        if (path.equals("/youtube/v3/commentThreads")) {
            threadPageTokens.computeIfAbsent(query(exchange, "allThreadsRelatedToChannelId"), c -> new CopyOnWriteArrayList<>())
                    .add(pageToken == null ? "-" : pageToken);
            if (pageToken != null && pageToken.equals(failPageToken)) {
                failPageToken = null;
                answer(exchange, 503, error(503, "The service is currently unavailable.", "global", "backendError", "UNAVAILABLE"));
                return;
            }
            String channelId = query(exchange, "allThreadsRelatedToChannelId");
            List<Comment> all = byChannel.getOrDefault(channelId, List.<Comment>of()).stream().filter(this::shown).toList();
            List<Comment> threads = all.stream().filter(c -> c.parentId() == null)
                    .sorted(Comparator.comparing(Comment::publishedAt).reversed()).toList();
            List<Object> items = new ArrayList<>();
            for (Comment thread : page(threads, offset)) {
                long replies = all.stream().filter(c -> thread.id().equals(c.parentId())).count();
                Map<String, Object> snippet = new LinkedHashMap<>();
                snippet.put("channelId", channelId);
                snippet.put("videoId", thread.videoId());
                snippet.put("topLevelComment", resource(thread, channelId));
                snippet.put("canReply", true);
                snippet.put("totalReplyCount", replies);
                snippet.put("isPublic", true);
                Map<String, Object> item = new LinkedHashMap<>(Map.of("kind", "youtube#commentThread", "etag",
                        "t" + thread.updatedAt().toEpochMilli(), "id", thread.id(), "snippet", snippet));
                List<Object> inline = all.stream().filter(c -> thread.id().equals(c.parentId()))
                        .sorted(Comparator.comparing(Comment::publishedAt)).limit(INLINE_REPLIES).map(c -> (Object) resource(c, channelId)).toList();
                if (String.valueOf(query(exchange, "part")).contains("replies") && !inline.isEmpty()) {
                    item.put("replies", Map.of("comments", inline));
                }
                items.add(item);
            }
            answer(exchange, 200, list("youtube#commentThreadListResponse", items, threads.size(), offset));
        } else if (path.equals("/youtube/v3/comments") && exchange.getRequestMethod().equals("GET")) {
            String parentId = query(exchange, "parentId");
            replyReads.computeIfAbsent(parentId, p -> new AtomicLong()).incrementAndGet();
            List<Comment> replies = byChannel.values().stream().flatMap(List::stream).filter(c -> parentId.equals(c.parentId()))
                    .filter(this::shown)
                    .sorted(Comparator.comparing(Comment::publishedAt)).toList();
            answer(exchange, 200, list("youtube#commentListResponse",
                    page(replies, offset).stream().map(reply -> (Object) resource(reply, null)).toList(), replies.size(), offset));
        } else if (path.equals("/youtube/v3/comments") && exchange.getRequestMethod().equals("POST")) {
            insert(exchange);
        } else if (path.equals("/youtube/v3/comments/setModerationStatus") && exchange.getRequestMethod().equals("POST")) {
            String id = query(exchange, "id");
            String status = query(exchange, "moderationStatus");
            if (!exists(id)) {
                answer(exchange, 404, error(404, "The comment identified by the id parameter could not be found.", "youtube.comment",
                        "commentNotFound", "NOT_FOUND"));
                return;
            }
            writes.add("setModerationStatus " + id + " " + status);
            statuses.put(id, status);
            answer(exchange, 204, "");
        } else if (path.equals("/youtube/v3/comments") && exchange.getRequestMethod().equals("DELETE")) {
            String id = query(exchange, "id");
            var owner = byChannel.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(c -> c.id().equals(id))).findFirst();
            if (owner.isEmpty()) {
                answer(exchange, 404, error(404, "The comment identified by the id parameter could not be found.", "youtube.comment",
                        "commentNotFound", "NOT_FOUND"));
                return;
            }
            Comment comment = owner.get().getValue().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            if (!owner.get().getKey().equals(comment.authorChannelId())) {
                answer(exchange, 403, error(403, "The comment could not be deleted because of insufficient permissions. The request "
                        + "might not be properly authorized.", "youtube.comment", "forbidden", "PERMISSION_DENIED"));
                return;
            }
            writes.add("delete " + id);
            owner.get().getValue().removeIf(c -> c.id().equals(id) || id.equals(c.parentId()));
            answer(exchange, 204, "");
        } else {
            answer(exchange, 404, error(404, "Not Found", "global", "notFound", "NOT_FOUND"));
        }
    }

    private boolean shown(Comment comment) {
        return "published".equals(status(comment.id())) && (comment.parentId() == null || !"rejected".equals(status(comment.parentId())));
    }

    /** {@code comments.insert}: a reply by the channel (the token's owner) in a thread. */
    private void insert(HttpExchange exchange) throws IOException {
        var snippet = body(exchange).path("snippet");
        String parentId = snippet.path("parentId").asText("");
        var owner = byChannel.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(c -> c.id().equals(parentId))).findFirst();
        if (owner.isEmpty()) {
            answer(exchange, 404, error(404, "The specified parent comment could not be found.", "youtube.comment",
                    "parentCommentNotFound", "NOT_FOUND"));
            return;
        }
        Comment parent = owner.get().getValue().stream().filter(c -> c.id().equals(parentId)).findFirst().orElseThrow();
        if (parent.parentId() != null) {
            answer(exchange, 400, error(400, "The operation is not supported: a reply's parent must be a top-level comment.",
                    "youtube.comment", "operationNotSupported", "INVALID_ARGUMENT"));
            return;
        }
        String text = snippet.path("textOriginal").asText();
        writes.add("insert " + parentId + " " + text);
        Comment reply = reply(owner.get().getKey(), parent, owner.get().getKey(), text, Instant.now());
        answer(exchange, 200, resource(reply, null));
    }

    private List<Comment> page(List<Comment> comments, int offset) {
        return comments.subList(Math.min(offset, comments.size()), Math.min(offset + pageSize, comments.size()));
    }

    private Map<String, Object> list(String kind, List<Object> items, int total, int offset) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", kind);
        answer.put("etag", "e" + total);
        if (offset + pageSize < total) {
            answer.put("nextPageToken", pageToken(offset + pageSize));
        }
        answer.put("pageInfo", Map.of("totalResults", total, "resultsPerPage", pageSize));
        answer.put("items", items);
        return answer;
    }

    private static Map<String, Object> resource(Comment comment, String channelId) {
        Map<String, Object> snippet = new LinkedHashMap<>();
        if (channelId != null) {
            snippet.put("channelId", channelId);
            snippet.put("videoId", comment.videoId());
        }
        snippet.put("textDisplay", comment.text());
        snippet.put("textOriginal", comment.text());
        if (comment.parentId() != null) {
            snippet.put("parentId", comment.parentId());
        }
        snippet.put("authorDisplayName", comment.author());
        snippet.put("authorProfileImageUrl", "https://yt3.ggpht.com/ytc/fake=s48");
        snippet.put("authorChannelUrl", "http://www.youtube.com/" + comment.author());
        snippet.put("authorChannelId", Map.of("value", comment.authorChannelId()));
        snippet.put("canRate", true);
        snippet.put("viewerRating", "none");
        snippet.put("likeCount", 0);
        snippet.put("publishedAt", comment.publishedAt().toString());
        snippet.put("updatedAt", comment.updatedAt().toString());
        return Map.of("kind", "youtube#comment", "etag", "c" + comment.updatedAt().toEpochMilli(), "id", comment.id(), "snippet", snippet);
    }

    private static Map<String, Object> error(int code, String message, String domain, String reason, String status) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("message", message);
        detail.put("domain", domain);
        detail.put("reason", reason);
        if (code == 401) {
            detail.put("location", "Authorization");
            detail.put("locationType", "header");
        }
        error.put("errors", List.of(detail));
        if (status != null) {
            error.put("status", status);
        }
        return Map.of("error", error);
    }

    /** {@code POST /token}: Google keeps the refresh token (none in the answer) and gives a one-hour access token. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
            return;
        }
        if (refreshRevoked || !REFRESH_TOKEN.equals(form.get("refresh_token"))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
            return;
        }
        String access = "ya29.fake-refreshed-" + ids.incrementAndGet();
        accessTokens.add(access);
        answer(exchange, 200, Map.of("access_token", access, "expires_in", 3599, "scope",
                "https://www.googleapis.com/auth/youtube.force-ssl", "token_type", "Bearer"));
    }
}
