package io.tribu.listening;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test only: an operation that fails like a bug would, to see what a client gets. Not in the OpenAPI document. */
@Path("/test-only/failure")
@PermitAll
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("a bug, with internals the client must not see");
    }
}
