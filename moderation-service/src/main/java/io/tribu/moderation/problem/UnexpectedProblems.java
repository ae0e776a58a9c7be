package io.tribu.moderation.problem;

import io.tribu.platform.problem.UnavailableProblems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exceptions no more specific mapper takes. The platform's {@link UnavailableProblems} maps Throwable, so the problem
 * library's mapper for Exception, nearer to every exception a request meets, answered a database outage with a 500
 * before it. This one, for Exception and ahead of the library's, answers an outage 503 with Retry-After through the
 * platform's mapper, and anything else a 500 problem that says nothing of the inside (the exception is logged).
 */
public class UnexpectedProblems {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class);
    private static final int BEFORE_LIBRARY_MAPPERS = 0;

    private final UnavailableProblems unavailable = new UnavailableProblems();

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unexpected(Exception e, UriInfo uriInfo) {
        Response outage = unavailable.unavailable(e, uriInfo);
        if (outage != null) {
            LOG.warnf("A dependency cannot be reached, answered 503: %s", e.toString());
            return outage;
        }
        String instance = uriInfo.getRequestUri().getRawPath();
        LOG.errorf(e, "Request %s failed", instance);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Internal Server Error");
        problem.put("status", 500);
        problem.put("instance", instance);
        return Response.serverError().type("application/problem+json").entity(problem).build();
    }
}
