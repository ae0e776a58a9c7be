package io.tribu.platform.problem;

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
 * What is left when no closer mapper answered, as problem+json:
 * <ul>
 *   <li>a failure because the database (or another dependency) cannot be reached answers 503 with
 *       {@code Retry-After}: the client did nothing wrong, nothing changed, it may try again; any other
 *       failure answers a 500 problem that leaks no class name. It maps {@code Exception}, not
 *       {@code Throwable}: the problem library's {@code Exception} mapper would be closer.</li>
 *   <li>the 4xx and 5xx exceptions JAX-RS throws (415, 405, 406...) keep their status and headers
 *       (Allow for a 405) with a problem body.</li>
 * </ul>
 * A mapper answering null is never an option in Quarkus REST: the answer is sent as 204 No Content.
 */
public class ErrorProblems {

    private static final Logger LOG = Logger.getLogger(ErrorProblems.class);
    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response failure(Exception e, UriInfo uriInfo) {
        if (Outages.isOutage(e)) {
            LOG.warnf("503 %s: a dependency cannot be reached (%s)", uriInfo.getRequestUri().getRawPath(), e);
            return unavailable(uriInfo.getRequestUri().getRawPath());
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

    static Response fromJaxRs(WebApplicationException e, UriInfo uriInfo) {
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

    static Response unavailable(String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.UNAVAILABLE.toString());
        problem.put("title", "Service Unavailable");
        problem.put("status", 503);
        problem.put("detail", "A dependency of this service cannot be reached; nothing was changed. Try again in a few seconds.");
        problem.put("instance", instance);
        return Response.status(503).type("application/problem+json").header("Retry-After", RETRY_AFTER_SECONDS).entity(problem).build();
    }
}
