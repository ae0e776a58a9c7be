package io.tribu.analytics.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with 413 as a problem. Quarkus
 * refuses it first thing with an empty 413 (and closes the connection), before any exception mapper can speak;
 * this route runs just ahead of it, at the same place, and answers the same status with a body saying why.
 * A client that sends the whole body without asking first ({@code Expect: 100-continue}) may still only see the
 * connection close.
 */
@ApplicationScoped
public class BodyTooLargeProblems {

    private final long largest;

    public BodyTooLargeProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize largest) {
        this.largest = largest.asLongValue();
    }

    void refuseLargeBodies(@Observes Router router) {
        // Routes of equal order run in the order they were added: this one is added before Quarkus's own check.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(new JsonObject().put("type", "about:blank").put("title", "Content Too Large").put("status", 413)
                                .put("detail", "The body may hold at most " + largest + " bytes")
                                .put("instance", context.request().path()).encode());
                return;
            }
            context.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > largest;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
