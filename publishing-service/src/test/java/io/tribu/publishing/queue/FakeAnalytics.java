package io.tribu.publishing.queue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A local analytics service answering {@code GET /brands/{brandId}/best-slots} with the real answer's
 * shape. Tests say which slots it proposes, or make it fail (503) or hang past the client's timeout.
 * Started once for the test run; it sets quarkus.rest-client.analytics.url.
 */
public class FakeAnalytics implements QuarkusTestResourceLifecycleManager {

    public enum Mode { ANSWER, DOWN, SLOW }

    public record Request(String path, Map<String, String> query, String authorization) {
    }

    private static HttpServer server;
    private static volatile Mode mode = Mode.ANSWER;
    private static volatile List<Instant> proposed = List.of();
    private static volatile Request last;

    public static void propose(List<Instant> slots) {
        mode = Mode.ANSWER;
        proposed = slots;
    }

    public static void mode(Mode next) {
        mode = next;
    }

    public static Request lastRequest() {
        return last;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/brands/", FakeAnalytics::handle);
        server.start();
        return Map.of("quarkus.rest-client.analytics.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            last = new Request(path, query, exchange.getRequestHeaders().getFirst("Authorization"));
            if (mode == Mode.SLOW) {
                Thread.sleep(6000);
            }
            if (mode == Mode.DOWN || !path.endsWith("/best-slots")) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String brandId = path.split("/")[2];
            ZoneId zone = ZoneId.of(query.getOrDefault("tz", "UTC"));
            String slots = proposed.stream().map(at -> {
                var local = at.atZone(zone);
                return "{\"start\":\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.toOffsetDateTime())
                        + "\",\"dayOfWeek\":\"" + local.getDayOfWeek() + "\",\"hour\":" + local.getHour()
                        + ",\"score\":0.042,\"posts\":12,\"basis\":\"data\"}";
            }).collect(Collectors.joining(","));
            byte[] body = ("{\"brandId\":\"" + brandId + "\",\"channelId\":\"" + query.get("channelId")
                    + "\",\"timezone\":\"" + zone.getId() + "\",\"slots\":[" + slots + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }
}
