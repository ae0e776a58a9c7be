package io.tribu.publishing.bench;

import io.tribu.publishing.network.fake.FakeMastodon;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's network: Mastodon's {@code POST /api/v1/statuses} on {@code port} (Bearer token,
 * Idempotency-Key: a repeated key answers the status it created, 422 for a blank text), each answer sent
 * {@code latencyMs} after the request, like a real instance; its counters as JSON on {@code port + 1}
 * ({@code GET /stats}): statuses created, keys, keys that created more than one status (duplicates), keys
 * called more than once (reconciliations after the kill), POSTs.
 * <p>
 * Not the tests' {@code FakeMastodon} (a JDK HttpServer, a thread per request held for the latency): the
 * bench measures the replicas, so its network runs on Vert.x event loops with timers, which costs a
 * fraction of the CPU on a machine the replicas share. {@code loops} event loops (third argument, default 4)
 * serve it: a single one is one thread competing for the cores with the replicas' dozen event loops, so its
 * fair share of the CPU, not the replicas, could bound the drain.
 * Run by publishing-service/bench/delivery.sh.
 */
public final class BenchFakeMastodon {

    private static final JsonObject ACCOUNT = new JsonObject().put("id", "109000000000000001").put("acct", "cafe")
            .put("username", "cafe");

    /** Counters and statuses per key, shared by the event loops: guarded by this object's monitor. */
    private final Map<String, JsonObject> byKey = new HashMap<>();
    private final Map<String, Integer> createdPerKey = new HashMap<>();
    private final Map<String, Integer> callsPerKey = new HashMap<>();
    private final long latencyMillis;
    private final Vertx vertx;
    private long ids = 113650471869034000L;
    private int statuses;
    private int posts;

    private BenchFakeMastodon(Vertx vertx, long latencyMillis) {
        this.vertx = vertx;
        this.latencyMillis = latencyMillis;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        BenchFakeMastodon mastodon = new BenchFakeMastodon(vertx, Long.parseLong(args[1]));
        // One server per event loop on the same port: Vert.x hands the connections out among them.
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)).requestHandler(mastodon::handle)
                    .listen().toCompletionStage().toCompletableFuture().join();
        }
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port + 1))
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
                        .end(mastodon.stats().encode()))
                .listen().toCompletionStage().toCompletableFuture().join();
        System.out.println("fake mastodon on http://127.0.0.1:" + port + " (" + loops + " event loops), stats on :" + (port + 1));
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !request.path().equals("/api/v1/statuses")) {
            answer(request, 404, new JsonObject().put("error", "Not found"));
        } else if (!("Bearer " + FakeMastodon.TOKEN).equals(request.getHeader("Authorization"))) {
            answer(request, 401, new JsonObject().put("error", "The access token is invalid"));
        } else {
            request.body().onSuccess(body -> vertx.setTimer(Math.max(1, latencyMillis),
                    timer -> publish(request, body.length() == 0 ? new JsonObject() : body.toJsonObject())));
        }
    }

    private synchronized void publish(HttpServerRequest request, JsonObject body) {
        posts++;
        String text = body.getString("status", "");
        if (text.isBlank()) {
            answer(request, 422, new JsonObject().put("error", "Validation failed: Text can't be blank"));
            return;
        }
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            answer(request, 200, newStatus(text, body.getString("visibility", "public")));
            return;
        }
        callsPerKey.merge(key, 1, Integer::sum);
        answer(request, 200, byKey.computeIfAbsent(key, k -> {
            createdPerKey.merge(k, 1, Integer::sum);
            return newStatus(text, body.getString("visibility", "public"));
        }));
    }

    /** The fields Mastodon answers that adapters or people read. */
    private JsonObject newStatus(String text, String visibility) {
        statuses++;
        String id = Long.toString(++ids);
        return new JsonObject().put("id", id).put("created_at", Instant.now().toString()).put("visibility", visibility)
                .putNull("in_reply_to_id").put("account", ACCOUNT).put("url", "https://mastodon.example/@cafe/" + id)
                .put("content", "<p>" + text + "</p>").put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0);
    }

    private synchronized JsonObject stats() {
        return new JsonObject().put("statuses", statuses).put("keys", createdPerKey.size())
                .put("duplicateKeys", createdPerKey.values().stream().filter(count -> count > 1).count())
                .put("keysCalledMoreThanOnce", callsPerKey.values().stream().filter(count -> count > 1).count())
                .put("posts", posts);
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
