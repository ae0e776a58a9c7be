package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * X API v2: {@code POST /2/tweets} (201; the same text again answers 403 "duplicate content" as X does),
 * {@code GET /2/tweets/:id}, {@code GET /2/users/me}, {@code GET /2/users/:id/tweets},
 * {@code PUT /2/tweets/:id/hidden} (only replies to the account's own posts), {@code DELETE /2/tweets/:id}
 * (own only, else 403), direct messages {@code /2/dm_conversations/with/:id/messages|dm_events}.
 * Errors use X's problem shape. Media: {@code POST /2/media/upload} (multipart {@code media} and
 * {@code media_category}; 400 without the file or with another category than tweet_image), and
 * {@code media.media_ids} on a post (unknown ids 400 "Your media IDs are invalid.").
 * <p>
 * Replies for the inbox: {@code GET /2/users/:id/mentions} (newest first; {@code since_id}, {@code start_time},
 * {@code max_results} 5–100 else 400, {@code pagination_token}; {@code meta.newest_id}, {@code next_token}; authors in
 * {@code includes.users}; pages of at most {@link #pageSize} posts, as X may give fewer than asked) and
 * {@code GET /2/tweets?ids=} (found posts in {@code data}, deleted ones in {@code errors[]} as
 * {@code resource-not-found}). A reply mentions whom it answers and whom that post mentioned, as X writes it. A post
 * deleted ({@link #deleteOnX}): hiding it answers 404 {@code resource-not-found}, replying to it 403, as X does.
 */
public class FakeX extends FakeNetwork {

    public static final String TOKEN = "fake-x-user-token";
    public static final String ME = "1460000000000000001";

    private final AtomicLong ids = new AtomicLong(1860000000000000000L);
    private final Map<String, Map<String, Object>> tweets = new ConcurrentHashMap<>();
    private final Map<String, String> usernames = new ConcurrentHashMap<>(Map.of(ME, "cafelumiere"));
    private final java.util.Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> failingPages = ConcurrentHashMap.newKeySet();
    private final Queue<String> mentionTokens = new ConcurrentLinkedQueue<>();
    /** Posts a mentions page holds at most. */
    public volatile int pageSize = 2;
    private final Map<String, Boolean> hidden = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> messages = new ConcurrentHashMap<>();
    private final AtomicLong posts = new AtomicLong();
    private final Map<String, Map<String, Object>> media = new ConcurrentHashMap<>();
    private final java.util.Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    public static final String CLIENT_ID = "tribu-x-client";

    public FakeX() {
        this(0);
    }

    /**
     * On the port the %test profile names as the network's API ({@code tribu.networks.*-url}): the fake
     * the service itself calls, since a channel cannot choose the API host of this network.
     */
    public static FakeX forTheService() {
        return new FakeX(FixedHosts.X_PORT);
    }

    private FakeX(int port) {
        super(port);
        accessTokens.add(TOKEN);
    }

    /** A refresh token the token endpoint accepts once (X rotates them). */
    public String issueRefreshToken() {
        String token = "x-refresh-" + ids.incrementAndGet();
        refreshTokens.add(token);
        return token;
    }

    public boolean accepts(String accessToken) {
        return accessTokens.contains(accessToken);
    }

    /** {@code POST /2/oauth2/token} grant_type=refresh_token, public client (client_id in the form). */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !refreshTokens.remove(form.get("refresh_token"))) {
            answer(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}");
            return;
        }
        String access = "x-access-" + ids.incrementAndGet();
        accessTokens.add(access);
        answer(exchange, 200, Map.of("token_type", "bearer", "expires_in", 7200, "access_token", access,
                "scope", "tweet.read tweet.write users.read offline.access", "refresh_token", issueRefreshToken()));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/2/oauth2/token")) {
            token(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            answer(exchange, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String[] parts = path.split("/");
        if (path.equals("/2/tweets") && method.equals("POST")) {
            posts.incrementAndGet();
            JsonNode body = body(exchange);
            String text = body.path("text").asText();
            if (tweets.values().stream().anyMatch(t -> ME.equals(t.get("author_id")) && text.equals(t.get("text")))) {
                answer(exchange, 403, "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                        + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
                return;
            }
            String replyTo = body.path("reply").path("in_reply_to_tweet_id").asText(null);
            if (replyTo != null && !tweets.containsKey(replyTo)) {
                answer(exchange, 403, "{\"detail\":\"You attempted to reply to a Tweet that is deleted or not visible to you.\","
                        + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
                return;
            }
            List<Map<String, Object>> attached = new ArrayList<>();
            for (JsonNode id : body.path("media").path("media_ids")) {
                Map<String, Object> uploaded = media.get(id.asText());
                if (uploaded == null) {
                    answer(exchange, 400, "{\"errors\":[{\"message\":\"Your media IDs are invalid.\"}],"
                            + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\"}");
                    return;
                }
                attached.add(uploaded);
            }
            Map<String, Object> tweet = tweet(ME, text, replyTo, java.time.Instant.now());
            tweet.put("media", attached);
            answer(exchange, 201, Map.of("data", Map.of("id", tweet.get("id"), "text", text)));
        } else if (path.equals("/2/media/upload") && method.equals("POST")) {
            var form = MultipartForm.read(exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
            MultipartForm.Part file = form == null ? null : form.get("media");
            MultipartForm.Part category = form == null ? null : form.get("media_category");
            if (file == null || category == null || !"tweet_image".equals(new String(category.bytes()))) {
                answer(exchange, 400, "{\"errors\":[{\"message\":\"media and media_category tweet_image are required\"}],"
                        + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\"}");
                return;
            }
            String id = Long.toString(ids.incrementAndGet());
            media.put(id, Map.of("media_key", "3_" + id, "type", "photo", "size", file.bytes().length,
                    "image_type", String.valueOf(file.contentType())));
            answer(exchange, 200, Map.of("data", Map.of("id", id, "media_key", "3_" + id, "size", file.bytes().length,
                    "expires_after_secs", 86400, "image", Map.of("image_type", String.valueOf(file.contentType())))));
        } else if (path.equals("/2/users/me")) {
            String token = authorization.replaceFirst("^Bearer ", "");
            String id = token.startsWith("x-user-") ? token.substring("x-user-".length()) : ME;
            answer(exchange, 200, Map.of("data", Map.of("id", id, "name", "Name " + id, "username", usernames.getOrDefault(id, "u" + id))));
        } else if (path.matches("/2/users/\\d+/mentions")) {
            mentions(exchange, parts[3]);
        } else if (path.equals("/2/tweets") && method.equals("GET")) {
            List<Map<String, Object>> found = new ArrayList<>();
            List<Object> errors = new ArrayList<>();
            for (String id : String.valueOf(query(exchange, "ids")).split(",")) {
                Map<String, Object> tweet = tweets.get(id);
                if (tweet == null) {
                    errors.add(JSON.readTree(notFound(id)).path("errors").path(0));
                } else {
                    found.add(Map.of("id", id, "text", tweet.get("text"), "author_id", tweet.get("author_id"),
                            "edit_history_tweet_ids", List.of(id)));
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (!found.isEmpty()) {
                body.put("data", found);
            }
            if (!errors.isEmpty()) {
                body.put("errors", errors);
            }
            answer(exchange, 200, body);
        } else if (path.matches("/2/users/\\d+/tweets")) {
            List<Map<String, Object>> theirs = new ArrayList<>(tweets.values().stream()
                    .filter(t -> parts[3].equals(t.get("author_id"))).toList());
            answer(exchange, 200, Map.of("data", theirs, "meta", Map.of("result_count", theirs.size())));
        } else if (path.matches("/2/tweets/\\d+/hidden") && method.equals("PUT")) {
            Map<String, Object> tweet = tweets.get(parts[3]);
            if (deleted.contains(parts[3])) {
                answer(exchange, 404, notFound(parts[3]));
                return;
            }
            // Replies in a conversation the account began, as X allows.
            Map<String, Object> first = tweet == null ? null : tweets.get(tweet.get("conversation_id"));
            if (tweet == null || tweet.get("in_reply_to") == null || first == null || !ME.equals(first.get("author_id"))) {
                answer(exchange, 403, "{\"detail\":\"You cannot hide or unhide replies to a conversation you don't own.\","
                        + "\"title\":\"Forbidden\",\"status\":403}");
                return;
            }
            boolean hide = body(exchange).path("hidden").asBoolean();
            hidden.put(parts[3], hide);
            answer(exchange, 200, Map.of("data", Map.of("hidden", hide)));
        } else if (path.matches("/2/tweets/\\d+") && method.equals("DELETE")) {
            Map<String, Object> tweet = tweets.get(parts[3]);
            if (tweet != null && !ME.equals(tweet.get("author_id"))) {
                answer(exchange, 403, "{\"detail\":\"You are not authorized to delete this Tweet.\",\"title\":\"Forbidden\",\"status\":403}");
                return;
            }
            if (tweet == null) {
                answer(exchange, 404, notFound(parts[3]));
                return;
            }
            tweets.remove(parts[3]);
            deleted.add(parts[3]);
            answer(exchange, 200, Map.of("data", Map.of("deleted", true)));
        } else if (path.matches("/2/tweets/\\d+") && method.equals("GET")) {
            Map<String, Object> tweet = tweets.get(parts[3]);
            if (tweet == null) {
                answer(exchange, 200, notFound(parts[3]));
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>(tweet);
            data.put("public_metrics", Map.of("like_count", 12, "reply_count", 3, "retweet_count", 4, "quote_count", 1,
                    "impression_count", 950));
            answer(exchange, 200, Map.of("data", data));
        } else if (path.matches("/2/dm_conversations/with/\\d+/messages") && method.equals("POST")) {
            String text = body(exchange).path("text").asText();
            String id = Long.toString(ids.incrementAndGet());
            messages.computeIfAbsent(parts[4], k -> new CopyOnWriteArrayList<>())
                    .add(0, Map.of("id", id, "text", text, "sender_id", ME, "event_type", "MessageCreate"));
            answer(exchange, 201, Map.of("data", Map.of("dm_conversation_id", ME + "-" + parts[4], "dm_event_id", id)));
        } else if (path.matches("/2/dm_conversations/with/\\d+/dm_events")) {
            answer(exchange, 200, Map.of("data", messages.getOrDefault(parts[4], List.of())));
        } else {
            answer(exchange, 404, "{\"title\":\"Not Found Error\",\"status\":404}");
        }
    }

    private Map<String, Object> tweet(String author, String text, String replyTo, java.time.Instant createdAt) {
        String id = Long.toString(ids.incrementAndGet());
        Map<String, Object> parent = replyTo == null ? null : tweets.get(replyTo);
        java.util.Set<String> mentioned = new java.util.LinkedHashSet<>();
        if (parent != null) {
            // X writes a reply with the handles of whom it answers and of those that post mentioned.
            mentioned.add(String.valueOf(parent.get("author_id")));
            @SuppressWarnings("unchecked")
            List<String> before = (List<String>) parent.get("mentions");
            mentioned.addAll(before);
        }
        mentioned.remove(author);
        Map<String, Object> tweet = new LinkedHashMap<>();
        tweet.put("id", id);
        tweet.put("text", text);
        tweet.put("author_id", author);
        tweet.put("in_reply_to", replyTo);
        tweet.put("conversation_id", parent == null ? id : parent.get("conversation_id"));
        tweet.put("created_at", createdAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        tweet.put("mentions", List.copyOf(mentioned));
        tweets.put(id, tweet);
        return tweet;
    }

    /** Someone's tweet, a reply to {@code replyTo} when given; returns its id. */
    public String othersTweet(String author, String text, String replyTo) {
        return othersTweet(author, text, replyTo, java.time.Instant.now());
    }

    /** Someone's tweet written at {@code createdAt} (the service's clock), a reply to {@code replyTo} when given. */
    public String othersTweet(String author, String text, String replyTo, java.time.Instant createdAt) {
        usernames.putIfAbsent(author, "user" + author.substring(Math.max(0, author.length() - 6)));
        return tweet(author, text, replyTo, createdAt).get("id").toString();
    }

    /** Someone's post that names account {@code named} without answering any of its posts (a mention, no reply). */
    public String mentionOf(String named, String author, String text, java.time.Instant createdAt) {
        String id = othersTweet(author, text, null, createdAt);
        tweets.get(id).put("mentions", List.of(named));
        return id;
    }

    public String ownTweet(String text) {
        return ownTweet(ME, text, java.time.Instant.now());
    }

    /** A post of account {@code author} (another brand's account when not {@link #ME}). */
    public String ownTweet(String author, String text, java.time.Instant createdAt) {
        usernames.putIfAbsent(author, "brand" + author.substring(Math.max(0, author.length() - 6)));
        return tweet(author, text, null, createdAt).get("id").toString();
    }

    /** The post names account {@code userId} too (written with its handle). */
    public void alsoMentions(String id, String userId) {
        @SuppressWarnings("unchecked")
        List<String> mentioned = (List<String>) tweets.get(id).get("mentions");
        List<String> more = new ArrayList<>(mentioned);
        more.add(userId);
        tweets.get(id).put("mentions", List.copyOf(more));
    }

    /** The account deletes its post, or X removes one: it answers resource-not-found from then on. */
    public void deleteOnX(String id) {
        tweets.remove(id);
        deleted.add(id);
    }

    /** The next mentions request carrying this pagination token answers 503 (once). */
    public void failPage(String paginationToken) {
        failingPages.add(paginationToken);
    }

    /** The pagination_token of each mentions request of account {@code userId} so far, "-" for a first page, in order. */
    public List<String> mentionTokens(String userId) {
        return mentionTokens.stream().filter(entry -> entry.startsWith(userId + " ")).map(entry -> entry.substring(userId.length() + 1)).toList();
    }

    /** The pagination token X would give for the page that starts at post {@code id}. */
    public static String paginationToken(String id) {
        return "7140dibdnow9c7btw4" + id;
    }

    /** The access token of account {@code userId}: {@code /2/users/me} answers that account for it. */
    public String tokenOf(String userId) {
        String token = "x-user-" + userId;
        accessTokens.add(token);
        return token;
    }

    /** Account {@code userId}'s tokens stop working (revoked): 401 from then on. */
    public void revoke(String accessToken) {
        accessTokens.remove(accessToken);
    }

    private void mentions(HttpExchange exchange, String userId) throws IOException {
        String token = query(exchange, "pagination_token");
        mentionTokens.add(userId + " " + (token == null ? "-" : token));
        if (token != null && failingPages.remove(token)) {
            answer(exchange, 503, "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}");
            return;
        }
        int max = Integer.parseInt(java.util.Objects.requireNonNullElse(query(exchange, "max_results"), "10"));
        if (max < 5 || max > 100) {
            answer(exchange, 400, "{\"errors\":[{\"parameters\":{\"max_results\":[\"" + max + "\"]},\"message\":\"The `max_results` "
                    + "query parameter value [" + max + "] is not between 5 and 100\"}],\"title\":\"Invalid Request\","
                    + "\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}");
            return;
        }
        String sinceId = query(exchange, "since_id");
        String startTime = query(exchange, "start_time");
        List<Map<String, Object>> all = tweets.values().stream()
                .filter(t -> ((List<?>) t.get("mentions")).contains(userId))
                .filter(t -> sinceId == null || Long.parseLong((String) t.get("id")) > Long.parseLong(sinceId))
                .filter(t -> startTime == null || !java.time.Instant.parse((String) t.get("created_at")).isBefore(java.time.Instant.parse(startTime)))
                .filter(t -> token == null || Long.parseLong((String) t.get("id")) <= Long.parseLong(token.substring(paginationToken("").length())))
                .sorted((a, b) -> Long.compare(Long.parseLong((String) b.get("id")), Long.parseLong((String) a.get("id"))))
                .toList();
        List<Map<String, Object>> page = all.subList(0, Math.min(all.size(), Math.min(max, pageSize)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", page.size());
        Map<String, Object> body = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            List<Map<String, Object>> data = new ArrayList<>();
            Map<String, Map<String, Object>> users = new LinkedHashMap<>();
            for (Map<String, Object> t : page) {
                Map<String, Object> post = new LinkedHashMap<>();
                post.put("id", t.get("id"));
                post.put("text", t.get("text"));
                post.put("author_id", t.get("author_id"));
                post.put("created_at", t.get("created_at"));
                post.put("conversation_id", t.get("conversation_id"));
                post.put("edit_history_tweet_ids", List.of(t.get("id")));
                if (t.get("in_reply_to") != null) {
                    Map<String, Object> parent = tweets.get(t.get("in_reply_to"));
                    if (parent != null) {
                        post.put("in_reply_to_user_id", parent.get("author_id"));
                    }
                    post.put("referenced_tweets", List.of(Map.of("type", "replied_to", "id", t.get("in_reply_to"))));
                }
                data.add(post);
                String author = (String) t.get("author_id");
                users.put(author, Map.of("id", author, "name", "Name " + author, "username", usernames.getOrDefault(author, "u" + author)));
            }
            body.put("data", data);
            body.put("includes", Map.of("users", List.copyOf(users.values())));
            meta.put("newest_id", page.get(0).get("id"));
            meta.put("oldest_id", page.get(page.size() - 1).get("id"));
            if (all.size() > page.size()) {
                meta.put("next_token", paginationToken((String) all.get(page.size()).get("id")));
            }
        }
        body.put("meta", meta);
        answer(exchange, 200, body);
    }

    /** X's partial error for a post it does not have (deleted, or never there). */
    private static String notFound(String id) {
        return "{\"errors\":[{\"value\":\"" + id + "\",\"detail\":\"Could not find tweet with id: [" + id + "].\",\"title\":\"Not Found Error\","
                + "\"resource_type\":\"tweet\",\"parameter\":\"id\",\"resource_id\":\"" + id + "\","
                + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}";
    }

    public boolean exists(String id) {
        return tweets.containsKey(id);
    }

    public Map<String, Object> tweetById(String id) {
        return tweets.get(id);
    }

    public boolean isHidden(String id) {
        return hidden.getOrDefault(id, false);
    }

    public List<Map<String, Object>> messagesWith(String user) {
        return messages.getOrDefault(user, List.of());
    }

    public long postRequests() {
        return posts.get();
    }
}
