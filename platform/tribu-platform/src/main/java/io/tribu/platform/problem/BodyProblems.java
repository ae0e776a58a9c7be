package io.tribu.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tribu.platform.json.StrictJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * 400 answers, as problem+json with {@code violations[]}, for bodies Jackson cannot read: malformed
 * JSON (saying where), a value of the wrong type, refused text. Without these mappers Quarkus answers
 * with an empty 400, and the problem library's answer quotes Jackson's message, class names included.
 */
public class BodyProblems {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unreadableValue(InvalidFormatException e, UriInfo uriInfo) {
        return wrongValue(e, uriInfo);
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response wrongType(MismatchedInputException e, UriInfo uriInfo) {
        return wrongValue(e, uriInfo);
    }

    /**
     * Malformed JSON (a missing brace, a stray comma, nesting too deep): the reader gives up with a bare
     * 400. Never answers null (Quarkus REST would send a 204): other failures keep their status.
     */
    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response malformed(WebApplicationException e, UriInfo uriInfo) {
        if (!(e.getCause() instanceof JsonProcessingException parse)) {
            return ErrorProblems.fromJaxRs(e, uriInfo);
        }
        if (parse instanceof MismatchedInputException mismatch) {
            return wrongValue(mismatch, uriInfo);
        }
        if (parse instanceof JsonMappingException mapping && !field(mapping.getPath()).isEmpty()) {
            String field = field(mapping.getPath());
            return Problems.response(Problems.badRequest(field + ": has a value that cannot be read",
                    Problems.violation(field, "body", "has a value that cannot be read")), uriInfo);
        }
        JsonLocation at = parse.getLocation();
        String message = "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        return Problems.response(Problems.badRequest("The body " + message, Problems.violation("", "body", message)), uriInfo);
    }

    private static Response wrongValue(MismatchedInputException e, UriInfo uriInfo) {
        String field = field(e.getPath());
        String message = e instanceof StrictJson.InvalidTextException ? e.getOriginalMessage() : expected(e.getTargetType());
        if (field.isEmpty()) {
            return Problems.response(Problems.badRequest("The body must be a JSON object", Problems.violation("", "body", "must be a JSON object")), uriInfo);
        }
        return Problems.response(Problems.badRequest(field + ": " + message, Problems.violation(field, "body", message)), uriInfo);
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
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Boolean.class == type || boolean.class == type) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number" + (type == Integer.class || type == int.class || type == Long.class || type == long.class ? " without decimals, in range" : "");
        }
        return "must be an object";
    }
}
