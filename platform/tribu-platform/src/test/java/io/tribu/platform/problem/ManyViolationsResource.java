package io.tribu.platform.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Requests that make many violations, the two ways a service can: Bean Validation, and its own {@link Problems#invalid}. */
@Path("/platform-test/many-violations")
public class ManyViolationsResource {

    /** Each word validated on its own, the list unbounded: as many violations as bad words. */
    public record Words(@NotNull List<@NotNull @Pattern(regexp = "[a-z]+", message = "must be lowercase letters") String> words) {
    }

    @POST
    @Path("/validated")
    @Consumes(MediaType.APPLICATION_JSON)
    public void validated(@Valid @NotNull Words body) {
    }

    @POST
    @Path("/listed")
    public void listed(@QueryParam("count") int count) {
        throw Problems.invalid(Problems.INVALID_BODY, "many rows are wrong", IntStream.range(0, count)
                .mapToObj(row -> Map.of("field", "rows[" + row + "]", "in", "body", "message", "is wrong")).toList());
    }
}
