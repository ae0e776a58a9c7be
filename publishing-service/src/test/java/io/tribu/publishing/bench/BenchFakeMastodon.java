package io.tribu.publishing.bench;

import com.sun.net.httpserver.HttpServer;
import io.tribu.publishing.network.fake.FakeMastodon;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's network: a fake Mastodon on {@code port} (each POST takes {@code latencyMs}) and its
 * counters as JSON on {@code port + 1}: statuses created, keys seen, keys that created more than one
 * status (duplicates), keys called more than once (reconciliations after the kill).
 * Run by publishing-service/bench/delivery.sh.
 */
public final class BenchFakeMastodon {

    private BenchFakeMastodon() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long latency = Long.parseLong(args[1]);
        FakeMastodon mastodon = new FakeMastodon(port, latency);
        HttpServer stats = HttpServer.create(new InetSocketAddress("127.0.0.1", port + 1), 16);
        stats.createContext("/stats", exchange -> {
            long duplicates = mastodon.createdPerKey().values().stream().filter(count -> count.get() > 1).count();
            long recalled = mastodon.callsPerKey().values().stream().filter(count -> count.get() > 1).count();
            int calls = mastodon.callsPerKey().values().stream().mapToInt(AtomicInteger::get).sum();
            String body = "{\"statuses\":" + mastodon.statuses() + ",\"keys\":" + mastodon.createdPerKey().size()
                    + ",\"duplicateKeys\":" + duplicates + ",\"keysCalledMoreThanOnce\":" + recalled
                    + ",\"posts\":" + calls + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stats.start();
        System.out.println("fake mastodon on " + mastodon.baseUrl() + ", stats on :" + (port + 1));
        Thread.currentThread().join();
    }
}
