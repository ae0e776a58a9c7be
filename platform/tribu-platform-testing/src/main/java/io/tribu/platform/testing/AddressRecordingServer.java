package io.tribu.platform.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server listening on every address of the machine that records, for each request, which local
 * address it reached and the Host header it carried. With {@link RebindingDns} answering 127.0.0.1 (allowed by
 * the test's guard) and then 127.0.0.2 (refused), a hit on 127.0.0.2 is a client that resolved the name a second
 * time instead of connecting to the checked address. Unknown paths answer 404.
 */
public final class AddressRecordingServer implements AutoCloseable {

    /** One request: the local address it reached, its Host header, method, path and body. */
    public record Hit(String address, String host, String method, String path, String body) {
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public AddressRecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                hits.add(new Hit(exchange.getLocalAddress().getAddress().getHostAddress(),
                        exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), new String(body.readAllBytes())));
            }
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, Map.of(), new byte[0]));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What the path answers from now on. */
    public AddressRecordingServer answer(String path, int status, Map<String, String> headers, String body) {
        answers.put(path, new Answer(status, headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return this;
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
