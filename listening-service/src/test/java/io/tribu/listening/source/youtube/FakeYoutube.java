package io.tribu.listening.source.youtube;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * YouTube Data API v3 {@code search.list} as Google answers it: {@code GET /youtube/v3/search?part=snippet&type=video
 * &q=&order=date&publishedAfter=&maxResults=&pageToken=}, the key in {@code X-Goog-Api-Key}; videos whose title or
 * description contain {@code q} (case ignored), published at or after {@code publishedAfter}, newest first, an opaque
 * {@code nextPageToken} while more remain; titles and descriptions HTML-escaped as YouTube sends them. Errors in
 * Google's body: 400 {@code keyInvalid} for an unknown key, 403 {@code quotaExceeded} once told the project's day is
 * spent, 503 {@code backendError} for the next-page requests told to fail.
 */
public final class FakeYoutube implements AutoCloseable {

    public static final String KEY = "AIzaSyFAKE-tribu-test-key-0123456789ab";

    /** The one instance the service is pointed at ({@code tribu.sources.youtube.url}), for the tests of its class. */
    public static volatile FakeYoutube current;

    /** A video as YouTube keeps it (title and description as their owner wrote them). */
    private record Video(String id, String title, String description, String channel, Instant publishedAt) {
    }

    /** A request as received: its query parameters, decoded. */
    public record Request(Map<String, String> params, String key) {
    }

    private final HttpServer server;
    private final List<Video> videos = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failPages = new ConcurrentHashMap<>();
    private volatile boolean quotaSpent;

    public FakeYoutube() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/youtube/v3/search", this::search);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void video(String id, String title, String description, String channel, Instant publishedAt) {
        videos.add(new Video(id, title, description, channel, publishedAt));
    }

    /** The next {@code times} searches for {@code q} that ask for a next page (a pageToken) answer 503 backendError. */
    public void failNextPages(String q, int times) {
        failPages.put(q, times);
    }

    public void quotaSpent(boolean spent) {
        quotaSpent = spent;
    }

    /** The searches received for {@code q}, in order. */
    public List<Request> requests(String q) {
        return requests.stream().filter(r -> q.equals(r.params().get("q"))).toList();
    }

    private void search(HttpExchange exchange) throws IOException {
        Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
        String key = exchange.getRequestHeaders().getFirst("X-Goog-Api-Key");
        requests.add(new Request(params, key));
        String q = params.getOrDefault("q", "");
        if (!KEY.equals(key)) {
            error(exchange, 400, "API key not valid. Please pass a valid API key.", "global", "keyInvalid");
            return;
        }
        if (quotaSpent) {
            error(exchange, 403, "The request cannot be completed because you have exceeded your "
                    + "<a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "youtube.quota", "quotaExceeded");
            return;
        }
        Integer failures = failPages.get(q);
        if (failures != null && failures > 0 && params.containsKey("pageToken")) {
            failPages.put(q, failures - 1);
            error(exchange, 503, "The service is currently unavailable.", "global", "backendError");
            return;
        }
        if (!"snippet".equals(params.get("part")) || !"video".equals(params.get("type")) || !"date".equals(params.get("order"))) {
            error(exchange, 400, "Unexpected search " + params, "youtube.parameter", "invalidParameter");
            return;
        }
        Instant after = params.containsKey("publishedAfter") ? Instant.parse(params.get("publishedAfter")) : Instant.EPOCH;
        int size = Math.min(50, Integer.parseInt(params.getOrDefault("maxResults", "5")));
        int offset = params.containsKey("pageToken")
                ? Integer.parseInt(new String(Base64.getUrlDecoder().decode(params.get("pageToken")), StandardCharsets.UTF_8)
                .substring("offset:".length())) : 0;
        String needle = q.toLowerCase(Locale.ROOT);
        List<Video> found = videos.stream()
                .filter(v -> (v.title() + " " + v.description()).toLowerCase(Locale.ROOT).contains(needle))
                .filter(v -> !v.publishedAt().isBefore(after))
                .sorted(Comparator.comparing(Video::publishedAt).reversed())
                .toList();
        List<Video> page = found.subList(Math.min(offset, found.size()), Math.min(offset + size, found.size()));
        String next = offset + size < found.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + (offset + size)).getBytes(StandardCharsets.UTF_8)) : null;
        String items = page.stream().map(v -> """
                {"kind": "youtube#searchResult", "etag": "e%s",
                 "id": {"kind": "youtube#video", "videoId": "%s"},
                 "snippet": {"publishedAt": "%s", "channelId": "UC%s", "title": "%s", "description": "%s",
                  "thumbnails": {"default": {"url": "https://i.ytimg.com/vi/%s/default.jpg", "width": 120, "height": 90}},
                  "channelTitle": "%s", "liveBroadcastContent": "none", "publishTime": "%s"}}"""
                .formatted(v.id(), v.id(), v.publishedAt(), v.id(), escaped(v.title()), escaped(v.description()), v.id(),
                        escaped(v.channel()), v.publishedAt())).collect(Collectors.joining(","));
        send(exchange, 200, """
                {"kind": "youtube#searchListResponse", "etag": "page%d",%s "regionCode": "FR",
                 "pageInfo": {"totalResults": %d, "resultsPerPage": %d}, "items": [%s]}"""
                .formatted(offset, next == null ? "" : " \"nextPageToken\": \"" + next + "\",", found.size(), size, items));
    }

    /** HTML-escaped as YouTube's snippets are (&amp;, &quot;, &#39;, &lt;, &gt;), then as a JSON string. */
    private static String escaped(String text) {
        String html = text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;")
                .replace(">", "&gt;");
        return html.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void error(HttpExchange exchange, int status, String message, String domain, String reason)
            throws IOException {
        String json = message.replace("\"", "\\\"");
        send(exchange, status, """
                {"error": {"code": %d, "message": "%s", "errors": [{"message": "%s", "domain": "%s", "reason": "%s"}]}}"""
                .formatted(status, json, json, domain, reason));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> params(String rawQuery) {
        if (rawQuery == null) {
            return Map.of();
        }
        return Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Starts the fake before the service and points {@code tribu.sources.youtube.url} at it: every test service of the
     * module has one (only YouTube sources call it), so the YouTube tests share the default test service.
     */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try {
                current = new FakeYoutube();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("tribu.sources.youtube.url", current.url());
        }

        @Override
        public void stop() {
            current.close();
        }
    }
}
