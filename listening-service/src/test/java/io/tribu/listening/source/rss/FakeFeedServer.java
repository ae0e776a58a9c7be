package io.tribu.listening.source.rss;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local blog that serves feeds the way real servers do: ETag and Last-Modified validators,
 * 304 Not Modified on a matching conditional GET, redirects. Records every request it receives.
 */
public final class FakeFeedServer implements AutoCloseable {

    public record Request(String path, String ifNoneMatch) {
    }

    private final HttpServer server;
    private final Map<String, String> feeds = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void serve(String path, String xml) {
        feeds.put(path, xml);
    }

    public void redirect(String from, String to) {
        redirects.put(from, to);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        requests.add(new Request(path, ifNoneMatch));
        try (exchange) {
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            String xml = feeds.get(path);
            if (xml == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(xml.hashCode()) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", "Sat, 21 Nov 2026 18:00:00 GMT");
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An RSS 2.0 feed as a WordPress blog writes it, with the given items (guid, title, date). */
    public static String rss(String... items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel>
                  <title>Le blog des gourmands</title>
                  <link>https://gourmands.example.fr</link>
                  <description>Cafés, brunchs et pâtisseries à Lyon</description>
                  <language>fr-FR</language>
                """);
        for (String item : items) {
            xml.append(item);
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    public static String item(String guid, String title, String html, String pubDate) {
        return """
                  <item>
                    <title>%s</title>
                    <link>https://gourmands.example.fr/%s</link>
                    <dc:creator><![CDATA[Léa Martin]]></dc:creator>
                    <pubDate>%s</pubDate>
                    <guid isPermaLink="false">%s</guid>
                    <description><![CDATA[%s]]></description>
                  </item>
                """.formatted(title, guid, pubDate, guid, html);
    }
}
