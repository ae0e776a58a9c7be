package io.tribu.platform.problem;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * A request line longer than {@link #MAX_URI} characters answers 414 problem+json, headers over {@link #MAX_HEADERS}
 * bytes 431 problem+json. Vert.x answers both with an empty body from its HTTP codec, where Quarkus offers no hook
 * (quarkusio/quarkus#55082), so the platform raises the codec's limits (its {@code microprofile-config.properties}:
 * 64 KB line, 256 KB headers) and answers below them here. Beyond the codec's limits the bare answer remains.
 */
@ApplicationScoped
public class RequestTooLarge {

    static final int MAX_URI = 8192;
    static final int MAX_HEADERS = 64 * 1024;

    void install(@Observes Router router) {
        router.route().order(-20).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI) {
            refuse(context, 414, "URI Too Long", "uri",
                    "must be at most " + MAX_URI + " characters (this one has " + uri.length() + ")");
            return;
        }
        int headers = size(context.request().headers());
        if (headers > MAX_HEADERS) {
            refuse(context, 431, "Request Header Fields Too Large", "headers",
                    "must be at most " + MAX_HEADERS + " bytes together (these have " + headers + ")");
            return;
        }
        context.next();
    }

    static int size(MultiMap headers) {
        int size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return size;
    }

    private static void refuse(RoutingContext context, int status, String title, String in, String message) {
        String path = context.request().path();
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", "The request's " + in + " " + message)
                .put("instance", path.length() > 256 ? path.substring(0, 256) + "…" : path)
                .put("violations", new JsonArray().add(new JsonObject().put("field", "").put("in", in).put("message", message)));
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close")
                .end(problem.toBuffer());
    }
}
