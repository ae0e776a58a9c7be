package io.tribu.analytics.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test only: a resource with a bug, to see what a client gets when the code fails. */
@Path("/test-only/failing")
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("a bug in io.tribu.analytics, not an outage");
    }
}
