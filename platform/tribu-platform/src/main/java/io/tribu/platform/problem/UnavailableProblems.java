package io.tribu.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request that failed because the database (or another dependency) cannot be reached answers 503
 * problem+json with {@code Retry-After}, not 500: the client did nothing wrong and may try again.
 * Anything else falls through to the other mappers.
 */
public class UnavailableProblems {

    static final int RETRY_AFTER_SECONDS = 5;

    /** Failures that mean "cannot reach it now", by class name where the class is not on every service's path. */
    private static final Set<String> OUTAGES = Set.of("io.vertx.sqlclient.ClosedConnectionException",
            "io.netty.channel.ConnectTimeoutException", "java.nio.channels.ClosedChannelException");

    @ServerExceptionMapper(priority = 1)
    public Response unavailable(Throwable e, UriInfo uriInfo) {
        return isOutage(e) ? response(uriInfo.getRequestUri().getRawPath()) : null;
    }

    static boolean isOutage(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth++ < 20; cause = cause.getCause()) {
            if (cause instanceof ConnectException || OUTAGES.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    static Response response(String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.UNAVAILABLE.toString());
        problem.put("title", "Service Unavailable");
        problem.put("status", 503);
        problem.put("detail", "A dependency of this service cannot be reached; nothing was changed. Try again in a few seconds.");
        problem.put("instance", instance);
        return Response.status(503).type("application/problem+json").header("Retry-After", RETRY_AFTER_SECONDS).entity(problem).build();
    }
}
