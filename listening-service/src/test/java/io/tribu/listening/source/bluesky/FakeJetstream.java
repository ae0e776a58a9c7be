package io.tribu.listening.source.bluesky;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local Jetstream: a WebSocket at /subscribe that replays its messages from the {@code cursor} (time_us,
 * inclusive) and then streams new ones as they are published, like the real service. Messages follow the
 * shapes Jetstream sends (commit with a post record, identity, delete).
 */
final class FakeJetstream implements AutoCloseable {

    private final Clock clock;
    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<ServerWebSocket> open = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private long lastTimeUs;

    private record Message(long timeUs, String json) {
    }

    /** A connection to /subscribe: the local address it reached (the fake listens on all of them) and its Host header. */
    record Subscription(String address, String host) {
    }

    /**
     * @param vertx the application's Vert.x in Quarkus tests (a second Vert.x instance there misbehaves)
     * @param clock the service's clock: the connector reads up to its now, so Jetstream's times must agree with it
     */
    FakeJetstream(Vertx vertx, Clock clock) throws Exception {
        this.clock = clock;
        server = vertx.createHttpServer().requestHandler(request -> {
            if (!"/subscribe".equals(request.path())) {
                request.response().setStatusCode(404).end();
                return;
            }
            subscriptions.add(new Subscription(request.localAddress().host(), request.getHeader("Host")));
            request.toWebSocket().onSuccess(this::subscribe);
        }).listen(0, "0.0.0.0").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void subscribe(ServerWebSocket socket) {
        queries.add(socket.query());
        long cursor = cursorOf(socket.query());
        for (Message m : messages) {
            if (m.timeUs() >= cursor) {
                socket.writeTextMessage(m.json());
            }
        }
        open.add(socket);
        socket.closeHandler(v -> open.remove(socket));
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<String> queries() {
        return queries;
    }

    List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    int port() {
        return server.actualPort();
    }

    void post(String did, String rkey, String text, String lang, String facetTag, boolean reply) {
        commit("create", did, rkey, text, lang, facetTag, reply);
    }

    /** The post edited: an update commit with its whole new record. */
    void edit(String did, String rkey, String text, String lang) {
        commit("update", did, rkey, text, lang, null, false);
    }

    /** The newest time_us published. */
    synchronized long lastTime() {
        return lastTimeUs;
    }

    private void commit(String operation, String did, String rkey, String text, String lang, String facetTag,
                        boolean reply) {
        long t = nextTime();
        String facets = facetTag == null ? "" : ",\"facets\":[{\"$type\":\"app.bsky.richtext.facet\",\"index\":"
                + "{\"byteStart\":0,\"byteEnd\":5},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\""
                + facetTag + "\"}]}]";
        String replyRef = !reply ? "" : ",\"reply\":{\"parent\":{\"cid\":\"bafyreiparent\",\"uri\":\"at://did:plc:parent/"
                + "app.bsky.feed.post/3lparent\"},\"root\":{\"cid\":\"bafyreiroot\",\"uri\":\"at://did:plc:parent/"
                + "app.bsky.feed.post/3lparent\"}}";
        publish(t, "{\"did\":\"" + did + "\",\"time_us\":" + t + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l"
                + rkey + "rev\",\"operation\":\"" + operation + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\""
                + Instant.EPOCH.plus(t, ChronoUnit.MICROS) + "\",\"langs\":[\"" + lang + "\"],\"text\":\"" + text + "\""
                + facets + replyRef + "},\"cid\":\"bafyrei" + rkey + "\"}}");
    }

    void identity(String did, String handle) {
        long t = nextTime();
        publish(t, "{\"did\":\"" + did + "\",\"time_us\":" + t + ",\"kind\":\"identity\",\"identity\":{\"did\":\""
                + did + "\",\"handle\":\"" + handle + "\",\"seq\":1409752997,\"time\":\"2024-09-05T06:11:04.870Z\"}}");
    }

    void delete(String did, String rkey) {
        long t = nextTime();
        publish(t, "{\"did\":\"" + did + "\",\"time_us\":" + t + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3lrev\","
                + "\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\"}}");
    }

    private synchronized long nextTime() {
        lastTimeUs = Math.max(lastTimeUs + 1, ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()));
        return lastTimeUs;
    }

    private void publish(long timeUs, String json) {
        messages.add(new Message(timeUs, json));
        for (ServerWebSocket socket : open) {
            socket.writeTextMessage(json);
        }
    }

    private static long cursorOf(String query) {
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("cursor=")) {
                    return Long.parseLong(part.substring("cursor=".length()));
                }
            }
        }
        return Long.MAX_VALUE; // no cursor: live only
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
