package io.tribu.analytics.agency;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.analytics.csv.CsvWriter;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Path("/agency/overview")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Dashboard", description = "Every measure of a brand's period in one answer, and the agency's overview")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class AgencyOverviewResource {

    static final int LONGEST_WINDOW_HOURS = 168;

    private final Caller caller;
    private final AgencyOverviewService overview;
    private final Clock clock;

    public AgencyOverviewResource(Caller caller, AgencyOverviewService overview, Clock clock) {
        this.caller = caller;
        this.overview = overview;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "One line per brand of the token, as JSON or CSV (`Accept: text/csv` "
            + "or `format=csv`)")
    @Operation(summary = "The caller's brands at a glance: mentions and crisis episodes of the last hours",
            description = "For every brand of the token (its agency's only): mentions in the last `hours` (the current "
                    + "hour included) against the same number of hours before, negative and scored mentions, and the "
                    + "volume and negative-share anomalies of those hours (the detectors of `/crisis`, sensitivity 4, "
                    + "at least 10 mentions); `alarm` when one reaches the current hour. Brands in alarm first.")
    public Uni<AgencyOverviewView> overview(
            @Parameter(description = "The window, in hours up to now", example = "24", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "168", defaultValue = "24"))
            @QueryParam("hours") @DefaultValue("24") String hours) {
        int length = ReportingPeriod.count("hours", hours, 1, LONGEST_WINDOW_HOURS);
        String tenant = caller.tenant();
        Instant to = clock.instant();
        Instant from = to.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(length - 1L));
        Instant previousFrom = from.minus(Duration.ofHours(length));
        return overview.overview(tenant, caller.brands(), previousFrom, from, to)
                .map(lines -> new AgencyOverviewView(tenant, from, to, previousFrom, lines));
    }
}
