package io.tribu.publishing.problem;

import io.tribu.platform.problem.BodyProblems;
import io.tribu.platform.problem.UnavailableProblems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the platform's mappers answer every time. Quarkus REST picks a mapper by the exception's class first
 * and sends a mapper's {@code null} as an empty 204 instead of asking the next one, so:
 * <ul>
 * <li>{@link UnavailableProblems} maps {@code Throwable}, while the problem library maps {@code Exception}: a
 *     database outage would be answered 500 by the library before the platform's mapper was asked. Here every
 *     {@code Exception} without a mapper of its own is offered to it first, and anything else is a 500 problem
 *     that says nothing of the internals (and is logged);</li>
 * <li>{@link BodyProblems#malformed} answers null to a {@code WebApplicationException} that is not about JSON
 *     (406 for an Accept the operation cannot produce, 415, 405): those answered an empty 204. Here they are
 *     problem+json with their own status.</li>
 * </ul>
 */
public class FallbackProblems {

    private static final Logger LOG = Logger.getLogger(FallbackProblems.class);
    /** Ahead of the platform's mappers (priority 1) and the library's (the default). */
    private static final int FIRST = 0;

    private final UnavailableProblems unavailable = new UnavailableProblems();
    private final BodyProblems bodies = new BodyProblems();

    @ServerExceptionMapper(priority = FIRST)
    public Response unexpected(Exception e, UriInfo uriInfo) {
        Response outage = unavailable.unavailable(e, uriInfo);
        if (outage != null) {
            return outage;
        }
        LOG.error("Unexpected failure of " + uriInfo.getRequestUri().getRawPath(), e);
        return problem(500, "Internal Server Error", "The request failed on the server; the failure is logged.", uriInfo).build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response webApplication(WebApplicationException e, UriInfo uriInfo) {
        Response unreadable = bodies.malformed(e, uriInfo);
        if (unreadable != null) {
            return unreadable;
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getStatusCode() >= 500) {
            Response outage = unavailable.unavailable(e, uriInfo);
            if (outage != null) {
                return outage;
            }
        }
        Response.ResponseBuilder answer = problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uriInfo);
        for (String kept : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER}) {
            Object value = original.getHeaders().getFirst(kept);
            if (value != null) {
                answer.header(kept, value);
            }
        }
        return answer.build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail, UriInfo uriInfo) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", uriInfo.getRequestUri().getRawPath());
        return Response.status(status).type("application/problem+json").entity(problem);
    }
}
