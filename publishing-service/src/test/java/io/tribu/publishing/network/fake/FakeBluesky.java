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
 * exists", as the PDS does), {@code app.bsky.feed.getPosts}.
 */
public class FakeBluesky extends FakeNetwork {

    public static final String IDENTIFIER = "cafe.bsky.social";
    public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    static final String DID = "did:plc:z72i7hdynmk6r22z27h6tvur";
    static final String JWT = "fake-access-jwt";

    private final Map<String, JsonNode> records = new ConcurrentHashMap<>();

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
            String uri = "at://" + body.path("repo").asText() + "/app.bsky.feed.post/" + body.path("rkey").asText();
            if (records.putIfAbsent(uri, record) != null) {
                answer(exchange, 400, "{\"error\":\"InvalidRequest\",\"message\":\"Record already exists\"}");
                return;
            }
            answer(exchange, 200, Map.of("uri", uri, "cid", "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q"));
        } else if (path.equals("/xrpc/app.bsky.feed.getPosts")) {
            String uri = URLDecoder.decode(exchange.getRequestURI().getRawQuery().replaceFirst("^uris=", ""), StandardCharsets.UTF_8);
            List<Object> posts = records.containsKey(uri)
                    ? List.of(Map.of("uri", uri, "likeCount", 8, "repostCount", 2, "quoteCount", 1, "replyCount", 4))
                    : List.of();
            answer(exchange, 200, Map.of("posts", posts));
        } else {
            answer(exchange, 404, "{\"error\":\"MethodNotImplemented\"}");
        }
    }

    public int records() {
        return records.size();
    }
}
