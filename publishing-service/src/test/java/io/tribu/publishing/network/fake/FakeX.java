package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public class FakeX extends FakeNetwork {

    public static final String TOKEN = "fake-x-user-token";
    public static final String ME = "1460000000000000001";

    private final AtomicLong ids = new AtomicLong(1860000000000000000L);
    private final Map<String, Map<String, Object>> tweets = new ConcurrentHashMap<>();
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
                answer(exchange, 400, "{\"errors\":[{\"message\":\"Your Tweet is not a reply to an existing Tweet\"}],"
                        + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\"}");
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
            Map<String, Object> tweet = tweet(ME, text, replyTo);
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
            answer(exchange, 200, Map.of("data", Map.of("id", ME, "username", "cafelumiere")));
        } else if (path.matches("/2/users/\\d+/tweets")) {
            List<Map<String, Object>> theirs = new ArrayList<>(tweets.values().stream()
                    .filter(t -> parts[3].equals(t.get("author_id"))).toList());
            answer(exchange, 200, Map.of("data", theirs, "meta", Map.of("result_count", theirs.size())));
        } else if (path.matches("/2/tweets/\\d+/hidden") && method.equals("PUT")) {
            Map<String, Object> tweet = tweets.get(parts[3]);
            if (tweet == null || tweet.get("in_reply_to") == null
                    || !ME.equals(tweets.get(tweet.get("in_reply_to")).get("author_id"))) {
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
            tweets.remove(parts[3]);
            answer(exchange, 200, Map.of("data", Map.of("deleted", true)));
        } else if (path.matches("/2/tweets/\\d+") && method.equals("GET")) {
            Map<String, Object> tweet = tweets.get(parts[3]);
            if (tweet == null) {
                answer(exchange, 200, "{\"errors\":[{\"title\":\"Not Found Error\",\"detail\":\"Could not find tweet\"}]}");
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

    private Map<String, Object> tweet(String author, String text, String replyTo) {
        String id = Long.toString(ids.incrementAndGet());
        Map<String, Object> tweet = new LinkedHashMap<>();
        tweet.put("id", id);
        tweet.put("text", text);
        tweet.put("author_id", author);
        tweet.put("in_reply_to", replyTo);
        tweets.put(id, tweet);
        return tweet;
    }

    /** Someone's tweet, a reply to {@code replyTo} when given; returns its id. */
    public String othersTweet(String author, String text, String replyTo) {
        return tweet(author, text, replyTo).get("id").toString();
    }

    public String ownTweet(String text) {
        return tweet(ME, text, null).get("id").toString();
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
