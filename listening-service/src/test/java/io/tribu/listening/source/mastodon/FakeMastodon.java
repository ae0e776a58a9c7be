package io.tribu.listening.source.mastodon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Mastodon instance speaking the real API's shapes:
 * <ul>
 * <li>GET /api/v1/timelines/tag/:hashtag: newest first, {@code limit} (max 40), {@code min_id} (the statuses right
 * after it);</li>
 * <li>GET /api/v1/streaming/hashtag?tag=: server-sent events ({@code update}, {@code status.update} with the whole
 * status, {@code delete} with the bare id, {@code :thump} heartbeats), to the clients connected at that moment;</li>
 * <li>GET /api/v1/statuses?id[]= (4.3+: the statuses still there, the others left out) and GET /api/v1/statuses/:id
 * (404 once deleted), statuses as they are now ({@code edited_at} once edited);</li>
 * <li>the REST rate limit as Mastodon tells it: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (ISO 8601) on every answer, 429 once it is spent.</li>
 * </ul>
 */
public final class FakeMastodon implements AutoCloseable {

    private static final String OLD_DAY = "2026-11-21T18:%02d:00.000Z";

    /** A status as the instance keeps it. */
    private record Status(String id, String tag, String html, String acct, long followers, String inReplyTo,
                          boolean boost, String createdAt, String editedAt) {
    }

    private final HttpServer server;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    private final List<OpenStream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean streamsRefused;
    private volatile boolean readsMany = true;
    private int rateLimit = 300;
    private Duration rateWindow = Duration.ofMinutes(5);
    private Instant windowEnd;
    private int used;
    private int statusRequests;
    private int refusedRequests;
    private String stallOn;
    private CountDownLatch stallReached;
    private CountDownLatch stallRelease;

    private record OpenStream(String tag, OutputStream body, CountDownLatch closed) {
    }

    public FakeMastodon() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/timelines/tag/", this::timeline);
        server.createContext("/api/v1/streaming/hashtag", this::stream);
        server.createContext("/api/v1/statuses", this::statuses);
        server.setExecutor(Executors.newCachedThreadPool()); // streams stay open
        server.start();
        heartbeat.scheduleAtFixedRate(() -> send(null, ":thump\n\n"), 200, 200, TimeUnit.MILLISECONDS);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** A status as the API returns it (trimmed of fields Tribu ignores, but in the real shape). */
    public void post(String id, String tag, String html, String acct, long followers, String inReplyTo, boolean boost) {
        statuses.put(id, new Status(id, tag, html, acct, followers, inReplyTo, boost,
                OLD_DAY.formatted(statuses.size() % 60), null));
    }

    /**
     * A status posted at a given time (reconciliation reads back the recent ones only): kept, and streamed
     * ({@code update}) to the clients of its hashtag connected at that moment, as an instance does.
     */
    public void post(String id, String tag, String html, Instant createdAt) {
        Status status = new Status(id, tag, html, "ana@piaille.fr", 80, null, false, createdAt.toString(), null);
        statuses.put(id, status);
        send(tag, "event: update\ndata: " + json(status) + "\n\n");
    }

    /** Streams a status to the connected clients of its hashtag only (the timeline does not show it). */
    public void stream(String id, String tag, String html, String acct, long followers, boolean boost) {
        Status status = new Status(id, tag, html, acct, followers, null, boost, OLD_DAY.formatted(statuses.size() % 60),
                null);
        send(tag, "event: update\ndata: " + json(status) + "\n\n");
    }

    /**
     * Its author edits a status: the instance keeps the new text with {@code edited_at}, and streams
     * {@code status.update} (the whole status as it now is) to the clients connected at that moment.
     */
    public void edit(String id, String tag, String html, String acct, long followers) {
        Status before = statuses.get(id);
        Status edited = before != null
                ? new Status(id, tag, html, before.acct(), before.followers(), before.inReplyTo(), before.boost(),
                before.createdAt(), Instant.now().toString())
                : new Status(id, tag, html, acct, followers, null, false, OLD_DAY.formatted(statuses.size() % 60),
                Instant.now().toString());
        if (before != null) {
            statuses.put(id, edited);
        }
        send(tag, "event: status.update\ndata: " + json(edited) + "\n\n");
    }

    /** Its author edits a kept status (see {@link #edit}). */
    public void edit(String id, String html) {
        Status before = statuses.get(id);
        edit(id, before.tag(), html, before.acct(), before.followers());
    }

    /** Its author deletes a status: gone from the API (404), {@code delete} streamed to the clients connected then. */
    public void delete(String id, String tag) {
        statuses.remove(id);
        send(tag, "event: delete\ndata: " + id + "\n\n");
    }

    /** Clients connected to the streaming API now. */
    public int connectedStreams() {
        return streams.size();
    }

    /** The streaming server goes down (open streams cut, new ones answered 503) or comes back. */
    public void streamingDown(boolean down) {
        streamsRefused = down;
        if (down) {
            streams.forEach(stream -> {
                streams.remove(stream);
                stream.closed().countDown();
            });
        }
    }

    /** An instance older than 4.3: GET /api/v1/statuses?id[]= is not a route (404). */
    public void withoutManyStatuses() {
        readsMany = false;
    }

    /** The REST API's rate limit from now on: this many requests per window. */
    public synchronized void rateLimit(int requests, Duration window) {
        rateLimit = requests;
        rateWindow = window;
        windowEnd = null;
        used = 0;
    }

    /** Requests to /api/v1/statuses (many or one), answered or refused. */
    public synchronized int statusRequests() {
        return statusRequests;
    }

    /** Requests refused with 429. */
    public synchronized int refusedRequests() {
        return refusedRequests;
    }

    /**
     * The next request to /api/v1/statuses naming this status id hangs until {@link #release()} (a client waiting on it
     * is stalled, as a worker that died mid-request); the ones after it are answered. Counted down when it arrives.
     */
    public synchronized CountDownLatch stallOnce(String id) {
        stallOn = id;
        stallReached = new CountDownLatch(1);
        stallRelease = new CountDownLatch(1);
        return stallReached;
    }

    /** The stalled request is answered, with the statuses as they are then. */
    public synchronized void release() {
        if (stallRelease != null) {
            stallRelease.countDown();
        }
    }

    private void stallIfAsked(List<String> ids) {
        CountDownLatch release;
        synchronized (this) {
            if (stallOn == null || !ids.contains(stallOn)) {
                return;
            }
            stallOn = null;
            stallReached.countDown();
            release = stallRelease;
        }
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every status id asked for, in order, once per request naming it. */
    public List<String> lookedUp() {
        return List.copyOf(lookedUp);
    }

    private String json(Status s) {
        return """
                {"id":"%s","created_at":"%s","edited_at":%s,"in_reply_to_id":%s,"sensitive":false,"spoiler_text":"",\
                "visibility":"public","language":"fr","uri":"https://piaille.fr/users/x/statuses/%s",\
                "url":"https://piaille.fr/@x/%s","replies_count":0,"reblogs_count":1,"favourites_count":3,\
                "content":"%s","reblog":%s,\
                "account":{"id":"1090","username":"x","acct":"%s","display_name":"X","followers_count":%d,\
                "following_count":12,"statuses_count":400},\
                "media_attachments":[],"mentions":[],"tags":[{"name":"%s","url":"https://piaille.fr/tags/%s"}]}"""
                .formatted(s.id(), s.createdAt(), s.editedAt() == null ? "null" : "\"" + s.editedAt() + "\"",
                        s.inReplyTo() == null ? "null" : "\"" + s.inReplyTo() + "\"", s.id(), s.id(),
                        s.html().replace("\"", "\\\""), s.boost() ? "{\"id\":\"1\"}" : "null", s.acct(), s.followers(),
                        s.tag(), s.tag());
    }

    private void stream(HttpExchange exchange) throws IOException {
        if (streamsRefused) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        String tag = query(exchange.getRequestURI().getRawQuery()).get("tag");
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OpenStream stream = new OpenStream(tag, exchange.getResponseBody(), new CountDownLatch(1));
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
            if (!withinRateLimit(exchange)) {
                return;
            }
            String tag = exchange.getRequestURI().getPath().substring("/api/v1/timelines/tag/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            queries.add(exchange.getRequestURI().getRawQuery());
            int limit = Math.min(40, Integer.parseInt(query.getOrDefault("limit", "20")));
            BigInteger minId = query.containsKey("min_id") ? new BigInteger(query.get("min_id")) : null;
            List<Status> matching = statuses.values().stream().filter(s -> s.tag().equalsIgnoreCase(tag))
                    .filter(s -> minId == null || new BigInteger(s.id()).compareTo(minId) > 0)
                    .sorted(Comparator.comparing(s -> new BigInteger(s.id())))
                    .toList();
            // min_id: the oldest statuses right after it; otherwise the newest. Always shown newest first.
            List<Status> page = minId != null
                    ? matching.subList(0, Math.min(limit, matching.size()))
                    : matching.subList(Math.max(0, matching.size() - limit), matching.size());
            answer(exchange, 200, page.stream().sorted(Comparator.comparing((Status s) -> new BigInteger(s.id())).reversed())
                    .map(this::json).collect(Collectors.joining(",", "[", "]")));
        }
    }

    private void statuses(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                statusRequests++;
            }
            if (!withinRateLimit(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/v1/statuses/")) {
                String id = path.substring("/api/v1/statuses/".length());
                lookedUp.add(id);
                stallIfAsked(List.of(id));
                Status status = statuses.get(id);
                if (status == null) {
                    answer(exchange, 404, "{\"error\":\"Record not found\"}");
                } else {
                    answer(exchange, 200, json(status));
                }
                return;
            }
            if (!readsMany) {
                answer(exchange, 404, "{\"error\":\"Record not found\"}");
                return;
            }
            String raw = exchange.getRequestURI().getRawQuery();
            List<String> ids = raw == null ? List.of() : Arrays.stream(raw.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .filter(pair -> pair.length == 2 && URLDecoder.decode(pair[0], StandardCharsets.UTF_8).equals("id[]"))
                    .map(pair -> pair[1]).toList();
            lookedUp.addAll(ids);
            stallIfAsked(ids);
            answer(exchange, 200, ids.stream().distinct().limit(20).map(statuses::get).filter(s -> s != null)
                    .map(this::json).collect(Collectors.joining(",", "[", "]")));
        }
    }

    /** Counts the request against the rate limit and says so in the headers; 429 once it is spent. */
    private boolean withinRateLimit(HttpExchange exchange) throws IOException {
        int remaining;
        Instant reset;
        synchronized (this) {
            Instant now = Instant.now();
            if (windowEnd == null || !now.isBefore(windowEnd)) {
                windowEnd = now.plus(rateWindow);
                used = 0;
            }
            used++;
            remaining = Math.max(0, rateLimit - used);
            reset = windowEnd;
            if (used > rateLimit) {
                refusedRequests++;
            }
        }
        exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(rateLimit));
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(remaining));
        exchange.getResponseHeaders().add("X-RateLimit-Reset", reset.toString());
        synchronized (this) {
            if (used > rateLimit) {
                answer(exchange, 429, "{\"error\":\"Too many requests\"}");
                return false;
            }
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        if (raw == null) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : "", (a, b) -> b));
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        streams.forEach(stream -> stream.closed().countDown());
        server.stop(0);
    }
}
