package io.tribu.moderation.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 400 answers, as problem+json with {@code violations[]}, for bodies that are JSON but do not fit the
 * request's shape (a string where an array is expected, an unreadable date). Without these mappers,
 * Quarkus answers wrong types with an empty 400 (a non-problem JSON body in dev and test), and the
 * library's answer to an unreadable value quotes Jackson's message, Java class names included.
 */
public class UnreadableBodyProblems {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unreadableValue(InvalidFormatException e, UriInfo uriInfo) {
        return badRequest(e, uriInfo);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response wrongType(MismatchedInputException e, UriInfo uriInfo) {
        return badRequest(e, uriInfo);
    }

    /** Malformed JSON (a missing brace, a stray comma): the reader gives up with a bare 400; say where. */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response malformed(jakarta.ws.rs.WebApplicationException e, UriInfo uriInfo) {
        if (!(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException parse)
                || e.getCause() instanceof MismatchedInputException) {
            return null;
        }
        com.fasterxml.jackson.core.JsonLocation at = parse.getLocation();
        String message = "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        problem.put("detail", "The body " + message);
        problem.put("violations", List.of(Map.of("field", "", "in", "body", "message", message)));
        problem.put("instance", uriInfo.getRequestUri().getRawPath());
        return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json").entity(problem).build();
    }

    private static Response badRequest(MismatchedInputException e, UriInfo uriInfo) {
        String field = field(e.getPath());
        String message = expected(e.getTargetType());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        if (field.isEmpty()) {
            problem.put("detail", "The body must be a JSON object");
        } else {
            problem.put("detail", field + ": " + message);
            problem.put("violations", List.of(Map.of("field", field, "in", "body", "message", message)));
        }
        problem.put("instance", uriInfo.getRequestUri().getRawPath());
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(problem)
                .build();
    }

    /** The JSON path of the value, written like Bean Validation paths: {@code variants[0].text}. */
    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 instant such as 2026-12-24T18:00:00Z";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (UUID.class == type) {
            return "must be a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Boolean.class == type || boolean.class == type) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "must be an object";
    }
}
