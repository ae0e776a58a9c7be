package io.tribu.moderation.problem;

import io.tribu.platform.problem.BodyProblems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every WebApplicationException without a mapper of its own (415 Unsupported Media Type, 405 Method Not Allowed,
 * 406 Not Acceptable...) as problem+json with its status. The platform's {@link BodyProblems} maps this type for
 * unreadable JSON and returns null for the rest, which Quarkus REST answers as an empty 204 instead of passing the
 * exception on: this mapper goes first, keeps BodyProblems' answer for unreadable JSON, and answers the rest.
 */
public class HttpStatusProblems {

    private static final int BEFORE_PLATFORM_MAPPERS = 0;

    private final BodyProblems body = new BodyProblems();

    @ServerExceptionMapper(priority = BEFORE_PLATFORM_MAPPERS)
    public Response status(WebApplicationException e, UriInfo uriInfo) {
        Response unreadable = body.malformed(e, uriInfo);
        if (unreadable != null) {
            return unreadable;
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.getStatusCode());
        problem.put("detail", e.getMessage());
        problem.put("instance", uriInfo.getRequestUri().getRawPath());
        Response.ResponseBuilder answer = Response.status(status.getStatusCode()).type("application/problem+json").entity(problem);
        for (String kept : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER}) {
            Object value = original.getHeaders().getFirst(kept);
            if (value != null) {
                answer.header(kept, value);
            }
        }
        return answer.build();
    }
}
