package io.tribu.publishing.network.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a brand's images live (a CDN, a website): serves files by path with their Content-Type, a
 * redirect to any URL, and 404 for anything else. Counts requests, so a test can tell that a refused
 * address was never asked.
 */
public class FakeMediaHost implements AutoCloseable {

    private record File(String contentType, byte[] bytes, boolean declareLength) {
    }

    private final HttpServer server;
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public FakeMediaHost() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code bytes} at {@code path}; returns its URL. */
    public String file(String path, String contentType, byte[] bytes) {
        files.put(path, new File(contentType, bytes, true));
        return url(path);
    }

    /** Served chunked, without Content-Length, so only the bytes read tell its size. */
    public String streamed(String path, String contentType, byte[] bytes) {
        files.put(path, new File(contentType, bytes, false));
        return url(path);
    }

    /** {@code path} answers 302 to {@code target}. */
    public String redirect(String path, String target) {
        redirects.put(path, target);
        return url(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int requests() {
        return requests.get();
    }

    /** A JPEG-looking image of {@code size} bytes. */
    public static byte[] image(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String target = redirects.get(path);
            if (target != null) {
                exchange.getResponseHeaders().set("Location", target);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            File file = files.get(path);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.contentType());
            exchange.sendResponseHeaders(200, file.declareLength() ? file.bytes().length : 0);
            exchange.getResponseBody().write(file.bytes());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
