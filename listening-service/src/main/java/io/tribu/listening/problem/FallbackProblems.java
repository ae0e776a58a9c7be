package io.tribu.listening.problem;

import io.tribu.platform.problem.UnavailableProblems;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two gaps of the platform's mappers, closed for this service (OutageTest, BadInputTest):
 * <ul>
 *   <li>{@link UnavailableProblems} maps {@code Throwable}; the problem library's mapper of {@code Exception} is
 *       closer to every exception, so a database outage answered 500. This maps {@code Exception}: 503 with
 *       Retry-After for an outage (the platform's own answer), else the 500 problem the library gave.</li>
 *   <li>{@code BodyProblems} maps every {@code WebApplicationException} and returns null for those that are not
 *       about JSON; a null answer is sent as 204 No Content, so a 415 or a 405 became a 204. The 4xx and 5xx
 *       exceptions JAX-RS throws are mapped here, closer than {@code WebApplicationException}.</li>
 * </ul>
 * A mapper answering null is never an option: nothing falls through to the next one.
 */
public class FallbackProblems {

    private static final Logger LOG = Logger.getLogger(FallbackProblems.class);
    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    private final UnavailableProblems unavailable = new UnavailableProblems();

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response failure(Exception e, UriInfo uriInfo) {
        if (Outages.isOutage(e)) {
            Response outage = unavailable.unavailable(e, uriInfo);
            if (outage != null) {
                LOG.warnf("%s %s: a dependency cannot be reached (%s)", "503", uriInfo.getRequestUri().getRawPath(), e);
                return outage;
            }
        }
        LOG.errorf(e, "500 %s", uriInfo.getRequestUri().getRawPath());
        return problem(500, null, uriInfo);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response clientError(ClientErrorException e, UriInfo uriInfo) {
        return fromJaxRs(e, uriInfo);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response serverError(ServerErrorException e, UriInfo uriInfo) {
        return fromJaxRs(e, uriInfo);
    }

    private static Response fromJaxRs(WebApplicationException e, UriInfo uriInfo) {
        Response given = e.getResponse();
        Response.ResponseBuilder answer = Response.fromResponse(problem(given.getStatus(), e.getMessage(), uriInfo));
        // keep what the exception says about the request (Allow for a 405), not its entity
        given.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.type("application/problem+json").build();
    }

    private static Response problem(int status, String detail, UriInfo uriInfo) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        Response.StatusType type = Response.Status.fromStatusCode(status);
        problem.put("title", type == null ? "HTTP " + status : type.getReasonPhrase());
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", uriInfo.getRequestUri().getRawPath());
        return Response.status(status).type("application/problem+json").entity(problem).build();
    }
}
