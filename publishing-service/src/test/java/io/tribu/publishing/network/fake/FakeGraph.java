package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meta's Graph API for a Facebook Page and an Instagram professional account (under {@code /v21.0}):
 * {@code /{page-id}/feed}, comments ({@code is_hidden}, DELETE, {@code /comments}), Messenger private
 * replies ({@code /{id}/messages} with {@code recipient.comment_id}, one per comment: code 10900), the
 * Instagram container flow ({@code /{ig-user-id}/media}, {@code /media_publish}, {@code hide},
 * {@code /replies}; carousels: child containers with {@code is_carousel_item}, not publishable alone,
 * and a {@code CAROUSEL} container over 2 to 10 of them). Errors in Graph's shape: an expired token is 400 code 190, an identical Page post
 * code 506, an unknown object code 100. Long-lived token exchange: {@code GET /oauth/access_token?grant_type=
 * fb_exchange_token} with the app's id and secret and a working token answers a new one (the old one keeps
 * working), a wrong secret code 1 "Error validating client secret.", an unknown token code 190.
 */
public class FakeGraph extends FakeNetwork {

    public static final String TOKEN = "fake-page-token";
    public static final String PAGE = "104000000000001";
    public static final String IG_USER = "17841400000000001";

    private final AtomicLong ids = new AtomicLong(900000000000000L);
    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();
    private final Map<String, String> privateReplies = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> permalinkReads = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger rateLimited = new java.util.concurrent.atomic.AtomicInteger();

    public static final String APP_ID = "1234567890123456";
    public static final String APP_SECRET = "meta-app-secret";
    private final java.util.Set<String> tokens = ConcurrentHashMap.newKeySet();

    public FakeGraph() {
        this(0);
    }

    /**
     * On the port the %test profile names as the network's API ({@code tribu.networks.*-url}): the fake
     * the service itself calls, since a channel cannot choose the API host of this network.
     */
    public static FakeGraph forTheService() {
        return new FakeGraph(FixedHosts.META_PORT);
    }

    private FakeGraph(int port) {
        super(port);
        tokens.add(TOKEN);
    }

    public boolean accepts(String token) {
        return tokens.contains(token);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        if (!"fb_exchange_token".equals(query(exchange, "grant_type")) || !APP_ID.equals(query(exchange, "client_id"))) {
            error(exchange, 400, "Error validating application. Invalid application ID.", "OAuthException", 101);
        } else if (!APP_SECRET.equals(query(exchange, "client_secret"))) {
            error(exchange, 400, "Error validating client secret.", "OAuthException", 1);
        } else if (!tokens.contains(String.valueOf(query(exchange, "fb_exchange_token")))) {
            error(exchange, 400, "Error validating access token: Session has expired on Sunday, 22-Nov-26.", "OAuthException", 190);
        } else {
            String token = "EAAlonglived" + ids.incrementAndGet();
            tokens.add(token);
            answer(exchange, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 5183944));
        }
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/v21.0/oauth/access_token") && exchange.getRequestMethod().equals("GET")) {
            exchange(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !tokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            error(exchange, 400, "Error validating access token: Session has expired on Sunday, 22-Nov-26.", "OAuthException", 190);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith("/v21.0/")) {
            error(exchange, 400, "Unknown path components", "OAuthException", 2500);
            return;
        }
        String[] parts = path.substring("/v21.0/".length()).split("/");
        String method = exchange.getRequestMethod();
        String id = parts[0];
        String edge = parts.length > 1 ? parts[1] : null;
        if (edge == null) {
            object(exchange, method, id);
        } else if (edge.equals("feed") && method.equals("POST")) {
            String message = body(exchange).path("message").asText();
            boolean duplicate = objects.values().stream().anyMatch(o -> id.equals(o.get("owner")) && message.equals(o.get("message")));
            if (duplicate) {
                error(exchange, 400, "Duplicate status message", "OAuthException", 506);
                return;
            }
            String post = id + "_" + ids.incrementAndGet();
            put(post, Map.of("owner", id, "message", message, "permalink_url", "https://www.facebook.com/" + post));
            answer(exchange, 200, Map.of("id", post));
        } else if ((edge.equals("feed") || edge.equals("media")) && method.equals("GET")) {
            answer(exchange, 200, Map.of("data", objects.values().stream()
                    .filter(o -> id.equals(o.get("owner")) && o.get("published") != Boolean.FALSE).toList()));
        } else if (edge.equals("media") && method.equals("POST")) {
            JsonNode body = body(exchange);
            if (body.path("media_type").asText().equals("CAROUSEL")) {
                carousel(exchange, id, body);
                return;
            }
            if (!body.hasNonNull("image_url") && !body.hasNonNull("video_url")) {
                error(exchange, 400, "The parameter image_url is required", "OAuthException", 100);
                return;
            }
            String container = Long.toString(ids.incrementAndGet());
            put(container, Map.of("owner", id, "caption", body.path("caption").asText(), "published", false,
                    "carousel_item", body.path("is_carousel_item").asBoolean(false),
                    "media_type", body.path("media_type").asText(body.has("video_url") ? "VIDEO" : "IMAGE")));
            answer(exchange, 200, Map.of("id", container));
        } else if (edge.equals("media_publish")) {
            String container = body(exchange).path("creation_id").asText();
            Map<String, Object> made = objects.get(container);
            if (made == null) {
                error(exchange, 400, "Media ID is not available", "OAuthException", 9007);
                return;
            }
            if (Boolean.TRUE.equals(made.get("carousel_item"))) {
                error(exchange, 400, "The media cannot be published: it is a carousel item", "OAuthException", 100);
                return;
            }
            objects.remove(container);
            String media = Long.toString(ids.incrementAndGet());
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("owner", id, "caption", made.get("caption"),
                    "permalink", "https://www.instagram.com/p/C" + media + "/", "media_type", made.get("media_type")));
            if (made.containsKey("children")) {
                fields.put("children", made.get("children"));
            }
            put(media, fields);
            answer(exchange, 200, Map.of("id", media));
        } else if ((edge.equals("comments") || edge.equals("replies")) && method.equals("POST")) {
            if (!objects.containsKey(id)) {
                error(exchange, 400, "Unsupported post request. Object with ID '" + id + "' does not exist", "GraphMethodException", 100);
                return;
            }
            String reply = Long.toString(ids.incrementAndGet());
            String message = body(exchange).path("message").asText();
            put(reply, Map.of("parent", id, "message", message, "text", message));
            answer(exchange, 200, Map.of("id", reply));
        } else if ((edge.equals("comments") || edge.equals("replies")) && method.equals("GET")) {
            answer(exchange, 200, Map.of("data", objects.values().stream().filter(o -> id.equals(o.get("parent"))).toList()));
        } else if (edge.equals("messages") && method.equals("POST")) {
            JsonNode body = body(exchange);
            String comment = body.path("recipient").path("comment_id").asText();
            if (privateReplies.putIfAbsent(comment, body.path("message").path("text").asText()) != null) {
                error(exchange, 400, "(#10900) Activity already replied to", "OAuthException", 10900);
                return;
            }
            answer(exchange, 200, Map.of("recipient_id", "6500000000001", "message_id", "m_" + ids.incrementAndGet()));
        } else {
            error(exchange, 400, "Unknown path components: /" + edge, "OAuthException", 2500);
        }
    }

    /** A CAROUSEL container: 2 to 10 children, each a carousel item container of this account. */
    private void carousel(HttpExchange exchange, String owner, JsonNode body) throws IOException {
        List<String> children = List.of(body.path("children").asText().split(","));
        if (children.size() < 2 || children.size() > 10) {
            error(exchange, 400, "Invalid parameter: a carousel has 2 to 10 children", "OAuthException", 100);
            return;
        }
        for (String child : children) {
            Map<String, Object> item = objects.get(child);
            if (item == null || !owner.equals(item.get("owner")) || !Boolean.TRUE.equals(item.get("carousel_item"))) {
                error(exchange, 400, "Invalid parameter: " + child + " is not a carousel item", "OAuthException", 100);
                return;
            }
        }
        String container = Long.toString(ids.incrementAndGet());
        put(container, Map.of("owner", owner, "caption", body.path("caption").asText(), "published", false,
                "media_type", "CAROUSEL_ALBUM", "children", children.stream()
                        .map(child -> objects.get(child).get("media_type")).toList()));
        answer(exchange, 200, Map.of("id", container));
    }

    private void object(HttpExchange exchange, String method, String id) throws IOException {
        Map<String, Object> object = objects.get(id);
        if (method.equals("GET") && "permalink".equals(query(exchange, "fields"))) {
            permalinkReads.computeIfAbsent(id, key -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            if (rateLimited.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                // Instagram Platform rate limit: 429 with the Graph error body (code 4) and a Retry-After.
                exchange.getResponseHeaders().set("Retry-After", "1");
                error(exchange, 429, "(#4) Application request limit reached", "OAuthException", 4);
                return;
            }
        }
        if (object != null && method.equals("GET") && "permalink".equals(query(exchange, "fields"))) {
            // Graph answers the fields asked for, and the id.
            answer(exchange, 200, object.containsKey("permalink") ? Map.of("permalink", object.get("permalink"), "id", id) : Map.of("id", id));
            return;
        }
        if (object == null) {
            error(exchange, 400, "Unsupported " + method.toLowerCase() + " request. Object with ID '" + id + "' does not exist",
                    "GraphMethodException", 100);
            return;
        }
        switch (method) {
            case "DELETE" -> {
                objects.remove(id);
                answer(exchange, 200, Map.of("success", true));
            }
            case "POST" -> {
                JsonNode body = body(exchange);
                object.put("hidden", body.has("is_hidden") ? body.get("is_hidden").asBoolean() : body.path("hide").asBoolean());
                answer(exchange, 200, Map.of("success", true));
            }
            default -> {
                Map<String, Object> read = new LinkedHashMap<>(object);
                read.put("id", id);
                read.put("like_count", 21);
                read.put("comments_count", 6);
                read.put("reactions", Map.of("data", List.of(), "summary", Map.of("total_count", 14)));
                read.put("comments", Map.of("data", List.of(), "summary", Map.of("total_count", 5)));
                read.put("shares", Map.of("count", 2));
                answer(exchange, 200, read);
            }
        }
    }

    private void put(String id, Map<String, Object> fields) {
        Map<String, Object> object = new ConcurrentHashMap<>(fields);
        object.put("id", id);
        objects.put(id, object);
    }

    private static void error(HttpExchange exchange, int status, String message, String type, int code) throws IOException {
        answer(exchange, status, Map.of("error", Map.of("message", message, "type", type, "code", code,
                "fbtrace_id", "AbCdEf123")));
    }

    /** An Instagram media already on the account (made outside Tribu), with its permalink; returns its id. */
    public String instagramMedia(String shortcode) {
        String media = Long.toString(ids.incrementAndGet());
        put(media, Map.of("owner", IG_USER, "caption", "Nouvelle carte d'hiver", "media_type", "IMAGE",
                "permalink", "https://www.instagram.com/p/" + shortcode + "/"));
        return media;
    }

    /** The next {@code count} permalink reads answer 429 with Retry-After: 1. */
    public void rateLimitNextPermalinkReads(int count) {
        rateLimited.set(count);
    }

    /** Permalink reads of a media so far, rate-limited ones included. */
    public int permalinkReads(String media) {
        java.util.concurrent.atomic.AtomicInteger reads = permalinkReads.get(media);
        return reads == null ? 0 : reads.get();
    }

    /** A comment from someone on the Page's post (or an Instagram media); returns its id. */
    public String comment(String on, String message) {
        String id = on + "_" + ids.incrementAndGet();
        put(id, Map.of("parent", on, "message", message, "text", message, "from", Map.of("id", "6500000000001")));
        return id;
    }

    public Map<String, Object> get(String id) {
        return objects.get(id);
    }

    public List<Map<String, Object>> childrenOf(String id) {
        return objects.values().stream().filter(o -> id.equals(o.get("parent"))).toList();
    }

    public String privateReplyTo(String comment) {
        return privateReplies.get(comment);
    }

    /** Published media (not containers) with this caption. */
    public long publishedWith(String caption) {
        return objects.values().stream().filter(o -> caption.equals(o.get("caption")) && o.containsKey("permalink")).count();
    }

    public long count(String owner) {
        return objects.values().stream().filter(o -> owner.equals(o.get("owner"))).count();
    }
}
