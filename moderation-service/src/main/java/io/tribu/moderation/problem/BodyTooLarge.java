package io.tribu.moderation.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} answers 413 problem+json. Quarkus' own
 * check answers a bare 413 and closes the connection at once, so a client still sending its body (most HTTP/1.1
 * clients send it all before reading) only sees a broken pipe. Here the rest of the body is read and dropped,
 * up to {@link #DRAINED_AT_MOST}, so the client gets the answer; a bigger one still has its connection closed.
 */
@ApplicationScoped
public class BodyTooLarge {

    static final long DRAINED_AT_MOST = 64L << 20;
    /** Before Quarkus' own limit check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int BEFORE_QUARKUS_LIMIT = -3;

    private final long limit;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(context -> {
            long announced = length(context.request());
            if (announced <= limit) {
                context.next();
                return;
            }
            String problem = "{\"type\":\"https://tribu.io/problems/body-too-large\",\"title\":\"Content Too Large\","
                    + "\"status\":413,\"detail\":\"The body is " + announced + " bytes; at most " + limit + " are accepted\","
                    + "\"violations\":[{\"field\":\"\",\"in\":\"body\",\"message\":\"must be at most " + limit + " bytes\"}]}";
            HttpServerRequest request = context.request();
            long[] drained = {0};
            request.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > DRAINED_AT_MOST) {
                    request.connection().close();
                }
            });
            request.endHandler(end -> context.response().setStatusCode(413)
                    .putHeader("Content-Type", "application/problem+json").end(problem));
            request.resume();
        });
    }

    private static long length(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
