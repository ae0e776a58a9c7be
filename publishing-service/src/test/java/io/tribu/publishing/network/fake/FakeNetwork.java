package io.tribu.publishing.network.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A local HTTP server speaking one network's API, for tests and the benchmark. Answers can be
 * scripted ahead of the normal behaviour: the next requests to a path get the queued answers (401,
 * 429 with Retry-After, 5xx, refusals), in order.
 */
public abstract class FakeNetwork implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    public record Scripted(String pathSuffix, int status, Map<String, String> headers, String body) {
    }

    private final String host;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(64);
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();

    protected FakeNetwork(int port) {
        this("127.0.0.1", port);
    }

    /** Listening on {@code host}, a loopback address: one a test service allows for channels while it refuses others. */
    protected FakeNetwork(String host, int port) {
        this.host = host;
        server = bind(host, port);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /**
     * A fixed port may still be held for a moment by the fake a previous test class closed ({@code HttpServer.stop}
     * returns before its socket is released): binding is tried again for up to 10 s before failing.
     */
    private static HttpServer bind(String host, int port) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return HttpServer.create(new InetSocketAddress(host, port), 512);
            } catch (java.net.BindException e) {
                if (port == 0 || System.nanoTime() > deadline) {
                    throw new UncheckedIOException(e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String baseUrl() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** The next request whose path ends with {@code pathSuffix} gets this answer instead of the normal one. */
    public void script(String pathSuffix, int status, Map<String, String> headers, String body) {
        script.add(new Scripted(pathSuffix, status, headers, body));
    }

    /** Every request received so far: method, path and the Authorization header (or "-"). */
    public java.util.List<String> received() {
        return java.util.List.copyOf(received);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(exchange.getRequestMethod() + " " + path + " " + (authorization == null ? "-" : authorization));
            Scripted scripted = script.stream().filter(s -> path.endsWith(s.pathSuffix())).findFirst().orElse(null);
            if (scripted != null && script.remove(scripted)) {
                exchange.getRequestBody().readAllBytes();
                scripted.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                answer(exchange, scripted.status(), scripted.body());
                return;
            }
            handle(exchange);
        } catch (RuntimeException e) {
            answer(exchange, 500, "{\"error\":\"fake failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    protected static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return JSON.readTree(bytes.length == 0 ? "{}".getBytes() : bytes);
    }

    /** A query parameter of the request, decoded, or null. */
    protected static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    protected static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    protected static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        answer(exchange, status, JSON.writeValueAsString(body));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
