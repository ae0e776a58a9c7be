package io.tribu.publishing.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body longer than {@code quarkus.http.limits.max-body-size} answers 413 problem+json. Quarkus' own check
 * answers an empty 413 and closes the connection at once, while the client is still sending, so a client
 * sees a broken pipe instead of an answer. This route runs first: it reads and drops the body (nothing is
 * kept; beyond {@link #DRAINED_AT_MOST} times the limit the connection is simply closed) and then answers.
 * Bodies sent without a Content-Length (chunked) are left to Quarkus' check.
 */
@ApplicationScoped
public class BodyTooLarge {

    static final long DRAINED_AT_MOST = 16;

    private final long limit;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-10).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        long length;
        try {
            String header = request.getHeader("Content-Length");
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        response.setStatusCode(413).putHeader("Content-Type", "application/problem+json").putHeader("Connection", "close");
        Buffer problem = problem(request.path(), length).toBuffer();
        if (length > limit * DRAINED_AT_MOST || "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            response.end(problem).onComplete(done -> request.connection().close());
            return;
        }
        request.handler(dropped -> { });
        request.exceptionHandler(failure -> request.connection().close());
        request.endHandler(ended -> response.end(problem));
        request.resume();
    }

    private JsonObject problem(String path, long length) {
        String message = "must be at most " + limit + " bytes (this one has " + length + ")";
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", "Content Too Large")
                .put("status", 413)
                .put("detail", "The body " + message)
                .put("instance", path)
                .put("violations", new JsonArray().add(new JsonObject().put("field", "").put("in", "body").put("message", message)));
    }
}
