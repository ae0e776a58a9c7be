package io.tribu.platform.access;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * 401 answers as problem+json. The resteasy-problem release that resolves for this Quarkus version
 * fails on authentication errors (it reads a field Quarkus removed), so these mappers take precedence.
 */
public class AuthenticationProblems {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response missingCredentials(UnauthorizedException e) {
        return unauthorized("A bearer access token is required");
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response rejectedCredentials(AuthenticationFailedException e) {
        return unauthorized("The bearer access token is invalid, expired or meant for another audience");
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response incompleteAuthentication(AuthenticationCompletionException e) {
        return unauthorized("Authentication could not be completed");
    }

    private static Response unauthorized(String detail) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Unauthorized", "status", 401, "detail", detail))
                .build();
    }
}
