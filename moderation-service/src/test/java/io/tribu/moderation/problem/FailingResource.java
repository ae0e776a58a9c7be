package io.tribu.moderation.problem;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

/**
 * Test-only operations that fail the way a request does when PostgreSQL is away (Hibernate Reactive wraps the
 * connection refusal), or with a plain bug; hidden from the OpenAPI document.
 */
@Path("/test-only/failures")
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {

    @GET
    @Path("/database-away")
    @Operation(hidden = true)
    public Uni<String> databaseAway() {
        return Uni.createFrom().failure(new CompletionException(new org.hibernate.HibernateException(
                "could not obtain a connection", new ConnectException("Connection refused: localhost/127.0.0.1:55432"))));
    }

    @GET
    @Path("/bug")
    @Operation(hidden = true)
    public Uni<String> bug() {
        return Uni.createFrom().failure(new IllegalStateException("a bug"));
    }
}
