package io.tribu.analytics.mention;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@Path("/brands/{brandId}/mention-volume")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mention volume")
@SecurityRequirement(name = "oidc")
public class MentionVolumeResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final Caller caller;
    private final MentionVolumeService volumes;

    public MentionVolumeResource(Caller caller, MentionVolumeService volumes) {
        this.caller = caller;
        this.volumes = volumes;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Mentions of the brand per hour",
            description = "Counts mention events by the hour they were published (UTC). Defaults to the last 30 days.")
    public Uni<MentionVolumeView> volume(
            @PathParam("brandId") String brandId,
            @Parameter(description = "Start, inclusive (ISO-8601 instant)", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String fromParam,
            @Parameter(description = "End, exclusive (ISO-8601 instant)", example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String toParam) {
        String brand = caller.requireBrand(brandId);
        Instant to = toParam == null ? Instant.now() : instant("to", toParam);
        Instant from = fromParam == null ? to.minus(DEFAULT_PERIOD) : instant("from", fromParam);
        if (!from.isBefore(to)) {
            throw invalid("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw invalid("from", "the period may span at most " + LONGEST_PERIOD.toDays() + " days");
        }
        return volumes.hourly(caller.tenant(), brand, from, to)
                .map(hours -> new MentionVolumeView(brand, from, to,
                        hours.stream().mapToLong(MentionVolumeService.HourlyVolume::mentions).sum(), hours));
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static HttpProblem invalid(String field, String message) {
        return HttpProblem.builder()
                .withType(URI.create("https://tribu.io/problems/invalid-parameter"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", "query", "message", message)))
                .build();
    }
}
