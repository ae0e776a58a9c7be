package io.tribu.listening.source.mastodon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A Mastodon instance serving GET /api/v1/timelines/tag/:hashtag as the real API does: newest first,
 * {@code limit} (max 40), {@code min_id} (the statuses right after it), JSON shaped like real statuses.
 */
public final class FakeMastodon implements AutoCloseable {

    private final HttpServer server;
    private final List<String[]> statuses = new CopyOnWriteArrayList<>(); // id, tag, json
    private final List<String> queries = new CopyOnWriteArrayList<>();

    public FakeMastodon() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/timelines/tag/", this::timeline);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** A status as the API returns it (trimmed of fields Tribu ignores, but in the real shape). */
    public void post(String id, String tag, String html, String acct, long followers, String inReplyTo, boolean boost) {
        String json = """
                {"id":"%s","created_at":"2026-11-21T18:%02d:00.000Z","in_reply_to_id":%s,"sensitive":false,
                 "spoiler_text":"","visibility":"public","language":"fr","uri":"https://piaille.fr/users/x/statuses/%s",
                 "url":"https://piaille.fr/@x/%s","replies_count":0,"reblogs_count":1,"favourites_count":3,
                 "content":"%s","reblog":%s,
                 "account":{"id":"1090","username":"x","acct":"%s","display_name":"X","followers_count":%d,
                            "following_count":12,"statuses_count":400},
                 "media_attachments":[],"mentions":[],"tags":[{"name":"%s","url":"https://piaille.fr/tags/%s"}]}"""
                .formatted(id, statuses.size() % 60, inReplyTo == null ? "null" : "\"" + inReplyTo + "\"", id, id,
                        html.replace("\"", "\\\""), boost ? "{\"id\":\"1\"}" : "null", acct, followers, tag, tag);
        statuses.add(new String[] {id, tag, json});
    }

    private void timeline(HttpExchange exchange) throws IOException {
        try (exchange) {
            String tag = exchange.getRequestURI().getPath().substring("/api/v1/timelines/tag/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            queries.add(exchange.getRequestURI().getRawQuery());
            int limit = Math.min(40, Integer.parseInt(query.getOrDefault("limit", "20")));
            BigInteger minId = query.containsKey("min_id") ? new BigInteger(query.get("min_id")) : null;
            List<String[]> matching = statuses.stream().filter(s -> s[1].equalsIgnoreCase(tag))
                    .filter(s -> minId == null || new BigInteger(s[0]).compareTo(minId) > 0)
                    .sorted(Comparator.comparing(s -> new BigInteger(s[0])))
                    .toList();
            // min_id: the oldest statuses right after it; otherwise the newest. Always shown newest first.
            List<String[]> page = minId != null
                    ? matching.subList(0, Math.min(limit, matching.size()))
                    : matching.subList(Math.max(0, matching.size() - limit), matching.size());
            String body = page.stream().sorted(Comparator.comparing((String[] s) -> new BigInteger(s[0])).reversed())
                    .map(s -> s[2]).collect(Collectors.joining(",", "[", "]"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
