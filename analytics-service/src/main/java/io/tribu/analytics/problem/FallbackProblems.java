package io.tribu.analytics.problem;

import io.tribu.platform.problem.BodyProblems;
import io.tribu.platform.problem.UnavailableProblems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's mappers, made to answer every time. An exception mapper is chosen by the thrown class first (then
 * by priority), and a {@code null} answer is sent as an empty 204, not passed on:
 * <ul>
 * <li>{@link UnavailableProblems} maps {@code Throwable}, but the problem library maps {@code Exception}, so a
 *     refused database connection ({@code ConnectException}) was answered 500 before the platform's mapper was asked;</li>
 * <li>{@link BodyProblems#malformed} answers null to a {@code WebApplicationException} that is not about JSON, so
 *     {@code Accept: application/xml} (406) or an unsupported content type (415) was answered 204.</li>
 * </ul>
 * Both are taken here, ahead of them, and handed to the platform where it has an answer.
 */
public class FallbackProblems {

    private static final Logger LOG = Logger.getLogger(FallbackProblems.class);
    /** Ahead of the platform's mappers (priority 1) and the library's (the default, 5000). */
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
        return problem(500, "Internal Server Error", "The request failed on the server; it is logged.", uriInfo).build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response webApplication(WebApplicationException e, UriInfo uriInfo) {
        Response unreadable = bodies.malformed(e, uriInfo);
        if (unreadable != null) {
            return unreadable;
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response.ResponseBuilder answer = problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uriInfo);
        e.getResponse().getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
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
