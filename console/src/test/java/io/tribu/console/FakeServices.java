package io.tribu.console;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local stand-in for the services behind the console: moderation answers and records what it
 * received; publishing is slow (the console's timeout is 1 s in tests) but for its public approval-link paths;
 * analytics is down (a port nobody listens on).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public record Received(String method, String uri, String authorization, String contentType, String body,
            String cookie, String idempotencyKey, String traceparent, String agent, String forwardedFor) {
    }

    public static final AtomicReference<Received> LAST = new AtomicReference<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            LAST.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestHeaders().getFirst("Cookie"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("traceparent"),
                    exchange.getRequestHeaders().getFirst("X-Tribu-Agent"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            String path = exchange.getRequestURI().getPath();
            int status;
            String answer;
            String type = "application/json";
            if (path.startsWith("/slow/approval-links/")) {
                // Publishing's public approval-link paths answer at once: a link whose token starts with "gone" has
                // expired, any other is open.
                boolean gone = path.startsWith("/slow/approval-links/gone");
                status = gone ? 410 : 200;
                type = gone ? "application/problem+json" : "application/json";
                answer = gone ? "{\"type\":\"https://tribu.io/problems/link-gone\",\"status\":410}"
                        : "{\"brandId\":\"cafe-lumiere\",\"posts\":[],\"path\":\"" + path + "\"}";
            } else if (path.startsWith("/slow")) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
                answer = "{}";
            } else if (path.startsWith("/brands/other")) {
                status = 404;
                type = "application/problem+json";
                answer = "{\"type\":\"https://tribu.io/problems/not-found\",\"title\":\"Not Found\",\"status\":404}";
            } else if (path.endsWith("/report")) {
                // A printable page like analytics' report: inline CSS, no script.
                status = 200;
                type = "text/html; charset=utf-8";
                answer = "<!doctype html><style>h1{color:#1f3a5f}</style><h1>Report</h1>";
            } else if ("POST".equals(exchange.getRequestMethod())) {
                status = 201;
                answer = "{\"created\":true}";
                exchange.getResponseHeaders().add("Location", "/brands/cafe-lumiere/things/1");
                if (exchange.getRequestHeaders().containsKey("Idempotency-Key")) {
                    exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
                }
            } else {
                status = 200;
                answer = "{\"items\":[],\"path\":\"" + path + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.getResponseHeaders().add("Set-Cookie", "upstream=leak");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "tribu.console.services.moderation", base,
                "tribu.console.services.publishing", base + "/slow",
                "tribu.console.services.analytics", "http://127.0.0.1:" + closedPort(),
                "tribu.console.forward-timeout", "1s");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
