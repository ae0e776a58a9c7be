package io.tribu.publishing.problem;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.ConnectException;

/** Test-only endpoints that fail as a database outage and as a bug do; hidden from the OpenAPI document. */
@Path("/test-only")
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {

    /** What a query on a pool whose server is gone fails with: a refused connection, wrapped. */
    @GET
    @Path("/outage")
    @Operation(hidden = true)
    public Uni<String> outage() {
        return Uni.createFrom().failure(new IllegalStateException("query failed",
                new ConnectException("Connection refused: localhost/127.0.0.1:55432")));
    }

    @GET
    @Path("/failure")
    @Operation(hidden = true)
    public Uni<String> failure() {
        return Uni.createFrom().failure(new IllegalStateException("internals: a NullPointerException deep down"));
    }
}
