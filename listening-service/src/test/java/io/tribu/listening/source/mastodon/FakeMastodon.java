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
 * {@code limit} (max 40), {@code min_id} (the statuses right after it), JSON shaped like real statuses;
 * and GET /api/v1/streaming/hashtag?tag= as server-sent events ({@code event: update}, one status JSON per
 * {@code data:} line, {@code :thump} heartbeats), as the streaming server does.
 */
public final class FakeMastodon implements AutoCloseable {

    private final HttpServer server;
    private final List<String[]> statuses = new CopyOnWriteArrayList<>(); // id, tag, json
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<OpenStream> streams = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    private record OpenStream(String tag, java.io.OutputStream body, java.util.concurrent.CountDownLatch closed) {
    }

    public FakeMastodon() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/timelines/tag/", this::timeline);
        server.createContext("/api/v1/streaming/hashtag", this::stream);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // streams stay open
        server.start();
        heartbeat.scheduleAtFixedRate(() -> send(null, ":thump\n\n"), 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** A status as the API returns it (trimmed of fields Tribu ignores, but in the real shape). */
    public void post(String id, String tag, String html, String acct, long followers, String inReplyTo, boolean boost) {
        statuses.add(new String[] {id, tag, status(id, tag, html, acct, followers, inReplyTo, boost)});
    }

    /** Streams a status to the connected clients of its hashtag only (the timeline does not show it). */
    public void stream(String id, String tag, String html, String acct, long followers, boolean boost) {
        String json = status(id, tag, html, acct, followers, null, boost).replace("\n", "");
        send(tag, "event: update\ndata: " + json + "\n\n");
    }

    /** Streams an edit of a status (Mastodon's {@code status.update}: the whole status as it now is). */
    public void edit(String id, String tag, String html, String acct, long followers) {
        String json = status(id, tag, html, acct, followers, null, false).replace("\n", "");
        send(tag, "event: status.update\ndata: " + json + "\n\n");
    }

    /** Streams the deletion of a status: the event's data is the bare status id. */
    public void delete(String id, String tag) {
        send(tag, "event: delete\ndata: " + id + "\n\n");
    }

    /** Clients connected to the streaming API now. */
    public int connectedStreams() {
        return streams.size();
    }

    private String status(String id, String tag, String html, String acct, long followers, String inReplyTo,
                          boolean boost) {
        return """
                {"id":"%s","created_at":"2026-11-21T18:%02d:00.000Z","in_reply_to_id":%s,"sensitive":false,
                 "spoiler_text":"","visibility":"public","language":"fr","uri":"https://piaille.fr/users/x/statuses/%s",
                 "url":"https://piaille.fr/@x/%s","replies_count":0,"reblogs_count":1,"favourites_count":3,
                 "content":"%s","reblog":%s,
                 "account":{"id":"1090","username":"x","acct":"%s","display_name":"X","followers_count":%d,
                            "following_count":12,"statuses_count":400},
                 "media_attachments":[],"mentions":[],"tags":[{"name":"%s","url":"https://piaille.fr/tags/%s"}]}"""
                .formatted(id, statuses.size() % 60, inReplyTo == null ? "null" : "\"" + inReplyTo + "\"", id, id,
                        html.replace("\"", "\\\""), boost ? "{\"id\":\"1\"}" : "null", acct, followers, tag, tag);
    }

    private void stream(HttpExchange exchange) throws IOException {
        String tag = query(exchange.getRequestURI().getRawQuery()).get("tag");
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OpenStream stream = new OpenStream(tag, exchange.getResponseBody(), new java.util.concurrent.CountDownLatch(1));
        streams.add(stream);
        try {
            stream.closed().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Writes to the streams of the tag (every stream when null); a client gone is noticed here. */
    private void send(String tag, String text) {
        for (OpenStream stream : streams) {
            if (tag != null && !tag.equalsIgnoreCase(stream.tag())) {
                continue;
            }
            try {
                synchronized (stream) {
                    stream.body().write(text.getBytes(StandardCharsets.UTF_8));
                    stream.body().flush();
                }
            } catch (IOException gone) {
                streams.remove(stream);
                stream.closed().countDown();
            }
        }
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
        heartbeat.shutdownNow();
        streams.forEach(stream -> stream.closed().countDown());
        server.stop(0);
    }
}
