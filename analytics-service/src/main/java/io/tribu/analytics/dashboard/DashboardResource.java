package io.tribu.analytics.dashboard;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.analytics.csv.CsvWriter;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import io.tribu.analytics.period.SlaParameter;
import io.tribu.analytics.period.BucketParameters;
import jakarta.ws.rs.BeanParam;

import java.time.Clock;

@Path("/brands/{brandId}/dashboard")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Dashboard", description = "Every measure of a brand's period in one answer, and the agency's overview")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class DashboardResource {


    private final Caller caller;
    private final DashboardService dashboards;
    private final Clock clock;

    public DashboardResource(Caller caller, DashboardService dashboards, Clock clock) {
        this.caller = caller;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The dashboard as JSON; as CSV (`Accept: text/csv` or `format=csv`) "
            + "the comparison of the headline figures with the previous period")
    @Operation(summary = "The brand's dashboard for a period, in its time zone",
            description = "Sentiment over time (stacked) with crisis episodes, net sentiment, share of voice, sentiment "
                    + "drivers with example mentions, ambassadors / detractors / influencers, response times and SLA "
                    + "share, decisions by action, engagement over time and by channel, content type and tag with the "
                    + "top posts, the best-time heatmap, and the headline figures of the period and of the previous "
                    + "one (same length, just before). Each section has the shape of its own endpoint; `csv` links "
                    + "each section's CSV.")
    public Uni<DashboardView> dashboard(
            @PathParam("brandId") String brandId,
            @Parameter(description = "Start, inclusive: an ISO-8601 instant (default: 30 days before `to`)", example = "2026-11-01T00:00:00+01:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "End, exclusive: an ISO-8601 instant (default: now)", example = "2026-12-01T00:00:00+01:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @BeanParam BucketParameters cut,
            @BeanParam SlaParameter sla) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        return dashboards.dashboard(caller.tenant(), brand, period, cut.bucketing(), sla.sla());
    }
}
